package org.roundtable.ledger.config;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Lets {@code MONGODB_URI} choose a real MongoDB (the same variable the integration tests honour),
 * and names the database {@code roundtable} unless configured otherwise.
 */
public class MongoUriEnvironmentPostProcessor implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = new HashMap<>();
        String uri = environment.getProperty("MONGODB_URI");
        if (uri != null && !uri.isBlank() && !environment.containsProperty("spring.data.mongodb.uri")) {
            defaults.put("spring.data.mongodb.uri", uri);
        }
        if (!environment.containsProperty("spring.data.mongodb.database")) {
            defaults.put("spring.data.mongodb.database", "roundtable");
        }
        environment.getPropertySources().addLast(new MapPropertySource("roundtable-mongo-defaults", defaults));
    }
}
