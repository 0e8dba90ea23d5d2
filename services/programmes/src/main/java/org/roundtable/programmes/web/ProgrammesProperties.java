package org.roundtable.programmes.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the programmes API.
 *
 * @param readModelWait how long a write waits for the read model to show it before answering anyway
 */
@ConfigurationProperties("roundtable.programmes")
public record ProgrammesProperties(Duration readModelWait) {

    public ProgrammesProperties {
        readModelWait = readModelWait == null ? Duration.ofSeconds(5) : readModelWait;
    }
}
