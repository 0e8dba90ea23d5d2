package org.roundtable.programmes.api;

/** Where a programme's money comes from. */
public enum FundingType {
    GRANT,
    OWN_CONTRIBUTION
}
