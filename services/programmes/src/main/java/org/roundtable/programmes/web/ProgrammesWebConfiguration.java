package org.roundtable.programmes.web;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the programmes API's settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProgrammesProperties.class)
class ProgrammesWebConfiguration {
}
