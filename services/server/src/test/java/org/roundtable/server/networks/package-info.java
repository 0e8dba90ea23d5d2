/** Application tests of the networks context over real HTTP: a network's year, visibility across agencies, rules. */
package org.roundtable.server.networks;
