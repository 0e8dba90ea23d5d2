package org.roundtable.archfixture.beta.command;

import org.roundtable.archfixture.beta.query.BetaView;

/** Breaks "command never depends on query". */
public class BetaAggregate {

    public BetaView leak() {
        return new BetaView();
    }
}
