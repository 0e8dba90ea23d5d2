package org.roundtable.networks.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the networks API.
 *
 * @param readModelWait how long a write waits for the network record to show it before answering anyway
 */
@ConfigurationProperties("roundtable.networks")
public record NetworksProperties(Duration readModelWait) {

    public NetworksProperties {
        readModelWait = readModelWait == null ? Duration.ofSeconds(5) : readModelWait;
    }
}
