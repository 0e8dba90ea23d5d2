/** Application tests of the participants context over real HTTP: life cycle, tenancy, roles, retries, bad input. */
package org.roundtable.server.participants;
