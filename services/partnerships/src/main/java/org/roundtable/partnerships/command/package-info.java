/** The Organisation, Partnership and PartnerPair aggregates: the rules of the registry, associations and partnerships. */
package org.roundtable.partnerships.command;
