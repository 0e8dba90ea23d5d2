/** The Participant and ReachGroup aggregates: the rules for registration, correction, consent and erasure. */
package org.roundtable.participants.command;
