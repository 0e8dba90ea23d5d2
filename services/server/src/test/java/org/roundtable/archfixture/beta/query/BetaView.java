package org.roundtable.archfixture.beta.query;

/** A read model of the fixture context. */
public class BetaView {
}
