package org.roundtable.programmes.api;

/**
 * People who came but are not registered, counted by reach group (e.g. {@code wider-community}) or by
 * the organisation they came from (professionals at a workshop). Exactly one of the two is set.
 */
public record Headcount(String reachGroup, String organisationId, int count) {

    /** The group this headcount is kept under: the reach group code, or {@code organisation:<id>}. */
    public String group() {
        return reachGroup != null ? reachGroup : "organisation:" + organisationId;
    }
}
