package org.roundtable.partnerships.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the partnerships API.
 *
 * @param readModelWait how long a write waits for its read model to show it before answering anyway
 */
@ConfigurationProperties("roundtable.partnerships")
public record PartnershipsProperties(Duration readModelWait) {

    public PartnershipsProperties {
        readModelWait = readModelWait == null ? Duration.ofSeconds(5) : readModelWait;
    }
}
