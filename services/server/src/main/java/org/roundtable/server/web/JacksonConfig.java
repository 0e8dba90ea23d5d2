package org.roundtable.server.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import java.io.IOException;
import org.roundtable.kernel.Caller;
import org.roundtable.server.config.RoundtableProperties;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * JSON limits beyond Spring Boot's {@code spring.jackson.*} settings: a nesting-depth limit, and a
 * {@link Caller} can never be read from a request body.
 */
@Configuration(proxyBeanMethods = false)
public class JacksonConfig {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer roundtableJsonLimits(RoundtableProperties properties) {
        int depth = properties.getApi().getMaxJsonNestingDepth();
        return builder -> builder
                .deserializerByType(Caller.class, new RefuseCaller())
                .postConfigurer(mapper -> mapper.getFactory().setStreamReadConstraints(
                        StreamReadConstraints.builder().maxNestingDepth(depth).build()));
    }

    private static final class RefuseCaller extends JsonDeserializer<Caller> {

        @Override
        public Caller deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return context.reportInputMismatch(Caller.class, "The caller comes from the token, never from a request");
        }
    }
}
