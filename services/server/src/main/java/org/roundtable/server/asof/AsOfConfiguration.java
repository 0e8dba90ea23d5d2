package org.roundtable.server.asof;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the settings of as-of queries. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AsOfProperties.class)
class AsOfConfiguration {
}
