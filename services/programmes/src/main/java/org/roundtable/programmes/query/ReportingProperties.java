package org.roundtable.programmes.query;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the figures.
 *
 * @param smallGroupThreshold a group of people smaller than this is shown as "fewer than N" outside the agency
 */
@ConfigurationProperties("roundtable.reporting")
public record ReportingProperties(Integer smallGroupThreshold) {

    public ReportingProperties {
        smallGroupThreshold = smallGroupThreshold == null ? 5 : smallGroupThreshold;
        if (smallGroupThreshold < 1) {
            throw new IllegalArgumentException("roundtable.reporting.small-group-threshold must be at least 1");
        }
    }

    public int threshold() {
        return smallGroupThreshold;
    }
}
