package org.roundtable.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.FullyQualifiedAnnotationBeanNameGenerator;

// contexts may reuse simple class names (each has its own ReadModelAwait): name beans by their full name
@SpringBootApplication(scanBasePackages = "org.roundtable", nameGenerator = FullyQualifiedAnnotationBeanNameGenerator.class)
public class RoundtableApplication {

    public static void main(String[] args) {
        // Axon's update checker calls a host outside this machine; it is off wherever we start.
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication.run(RoundtableApplication.class, args);
    }
}
