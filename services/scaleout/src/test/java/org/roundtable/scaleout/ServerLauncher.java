package org.roundtable.scaleout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipFile;

/**
 * Builds the command line of a server JVM from the classpath that maven-dependency-plugin wrote for
 * this module (the server and its runtime dependencies).
 *
 * <p>Why not {@code java -jar services/server/target/roundtable.jar}: CI runs {@code ./mvnw test},
 * and the server is repackaged into that jar only at {@code package}. Up to {@code test} the reactor
 * hands us the server's classes directory, and we start the main class on the plain classpath. From
 * {@code package} on, or when the server comes from the local repository, the artifact is the
 * repackaged Boot jar, which carries its own dependencies: then we start that jar.
 */
final class ServerLauncher {

    static final String MAIN_CLASS = "org.roundtable.server.RoundtableApplication";

    private final List<String> launch;

    private ServerLauncher(List<String> launch) {
        this.launch = launch;
    }

    static ServerLauncher fromBuild() {
        // an explicit jar wins: a developer running this module alone against a freshly packaged server
        String jar = System.getProperty("scaleout.server.jar", "");
        if (!jar.isBlank()) {
            if (!isBootJar(Path.of(jar))) {
                throw new IllegalStateException("scaleout.server.jar is not the repackaged server: " + jar);
            }
            return new ServerLauncher(List.of("-jar", jar));
        }
        String file = System.getProperty("scaleout.server.classpath");
        if (file == null) {
            throw new IllegalStateException("scaleout.server.classpath is not set; run the tests through Maven");
        }
        String classpath;
        try {
            classpath = Files.readString(Path.of(file)).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the server classpath " + file, e);
        }
        List<String> entries = Arrays.stream(classpath.split(java.io.File.pathSeparator))
                .filter(entry -> !entry.isBlank()).toList();
        for (String entry : entries) {
            if (isBootJar(Path.of(entry))) {
                return new ServerLauncher(List.of("-jar", entry));
            }
        }
        return new ServerLauncher(List.of("-cp", String.join(java.io.File.pathSeparator, entries), MAIN_CLASS));
    }

    /** {@code java <jvmOptions> (-cp … main | -jar …) <arguments>} */
    List<String> command(List<String> jvmOptions, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(launch);
        command.addAll(arguments);
        return command;
    }

    private static boolean isBootJar(Path entry) {
        if (!entry.getFileName().toString().endsWith(".jar") || !Files.isRegularFile(entry)) {
            return false;
        }
        try (ZipFile jar = new ZipFile(entry.toFile())) {
            return jar.getEntry("BOOT-INF/classes/" + MAIN_CLASS.replace('.', '/') + ".class") != null;
        } catch (IOException e) {
            return false;
        }
    }
}
