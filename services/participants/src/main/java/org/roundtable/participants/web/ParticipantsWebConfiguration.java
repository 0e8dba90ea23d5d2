package org.roundtable.participants.web;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the participants API's settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ParticipantsProperties.class)
class ParticipantsWebConfiguration {
}
