package org.roundtable.networks.api;

/** How often a network means to meet. */
public enum Cadence {
    MONTHLY, QUARTERLY, HALF_YEARLY, YEARLY
}
