package org.roundtable.partnerships.web;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the partnerships API's settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PartnershipsProperties.class)
class PartnershipsWebConfiguration {
}
