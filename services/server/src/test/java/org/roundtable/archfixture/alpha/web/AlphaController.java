package org.roundtable.archfixture.alpha.web;

import org.roundtable.archfixture.beta.api.BetaCreated;
import org.roundtable.archfixture.beta.command.BetaAggregate;

/** Allowed to use beta's api, not its command package. */
public class AlphaController {

    public Object allowed() {
        return new BetaCreated("b");
    }

    public Object forbidden() {
        return new BetaAggregate();
    }
}
