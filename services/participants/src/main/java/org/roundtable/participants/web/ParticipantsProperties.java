package org.roundtable.participants.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the participants API.
 *
 * @param readModelWait how long a write waits for the directory to show it before answering anyway
 */
@ConfigurationProperties("roundtable.participants")
public record ParticipantsProperties(Duration readModelWait) {

    public ParticipantsProperties {
        readModelWait = readModelWait == null ? Duration.ofSeconds(5) : readModelWait;
    }
}
