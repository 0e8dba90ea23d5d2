package org.roundtable.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication(scanBasePackages = "org.roundtable")
public class RoundtableApplication {

    public static void main(String[] args) {
        // Axon's update checker calls a host outside this machine; it is off wherever we start.
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication.run(RoundtableApplication.class, args);
    }
}
