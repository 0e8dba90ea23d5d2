package org.roundtable.networks.web;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the networks API's settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NetworksProperties.class)
class NetworksWebConfiguration {
}
