/** The Network aggregate with its members, meetings and action items: the rules of a network's shared record. */
package org.roundtable.networks.command;
