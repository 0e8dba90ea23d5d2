package org.roundtable.server.asof;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Registers the reading of the processors' positions before a live report is queried. */
@Configuration(proxyBeanMethods = false)
class AsOfWebConfiguration implements WebMvcConfigurer {

    private final LivePositions livePositions;

    AsOfWebConfiguration(LivePositions livePositions) {
        this.livePositions = livePositions;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(livePositions).addPathPatterns("/api/**");
    }
}
