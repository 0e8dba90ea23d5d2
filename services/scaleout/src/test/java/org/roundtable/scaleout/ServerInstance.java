package org.roundtable.scaleout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One Roundtable server in its own JVM on loopback, with its output in a log file. */
final class ServerInstance {

    private static final HttpClient PROBE = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final Path logFile;
    private final Process process;

    private ServerInstance(String name, int port, Path logFile, Process process) {
        this.name = name;
        this.port = port;
        this.logFile = logFile;
        this.process = process;
    }

    static ServerInstance start(String name, ServerLauncher launcher, int port, List<String> arguments, Path logDir) {
        try {
            Files.createDirectories(logDir);
            Path log = logDir.resolve(name + ".log");
            List<String> jvm = List.of("-Xmx384m", "-Xss512k", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "-Daxoniq.update-checker.disabled=true", "-Djava.net.preferIPv4Stack=true");
            ProcessBuilder builder = new ProcessBuilder(launcher.command(jvm, arguments))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
            // the child must never pick up a real MongoDB from the developer's shell: it gets its URI as an argument
            builder.environment().remove("MONGODB_URI");
            return new ServerInstance(name, port, log, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name, e);
        }
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** True once readiness answers UP; fails fast if the JVM died or its application failed to start. */
    boolean isReady() {
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + logFile);
        }
        if (startFailed()) {
            // a failed Spring start can leave the JVM running on non-daemon threads, never ready
            try {
                kill9();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException(name + " failed to start; see " + logFile);
        }
        try {
            HttpResponse<String> answer = PROBE.send(HttpRequest.newBuilder(uri("/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() == 200 && answer.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private boolean startFailed() {
        try {
            return Files.readString(logFile).contains("Application run failed");
        } catch (IOException e) {
            return false;
        }
    }

    /** SIGKILL: no shutdown hook runs, no segment claim is released. */
    void kill9() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " survived SIGKILL");
        }
    }

    /** SIGTERM (graceful: processors release their claims), then SIGKILL if it hangs. */
    void stop() throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(45, TimeUnit.SECONDS)) {
            kill9();
        }
    }

    Path logFile() {
        return logFile;
    }

    @Override
    public String toString() {
        return name + "(pid " + pid() + ", port " + port + ")";
    }
}
