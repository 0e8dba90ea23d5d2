package org.roundtable.audit.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.PublicKey;
import java.util.Map;
import java.util.concurrent.Callable;
import org.roundtable.audit.api.SignedDigest;
import org.roundtable.audit.digest.Signatures;
import org.roundtable.audit.export.ExportReport;
import org.roundtable.audit.export.ExportVerifier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code audit}: checks a Roundtable ledger's history from outside the server. Results go to standard output,
 * progress to standard error. Exit codes: 0 verified, 1 verification failed or import refused, 2 usage or
 * I/O error.
 */
@Command(name = "audit", mixinStandardHelpOptions = true, version = "audit 1",
        description = "Verify, fetch and import Roundtable audit exports and signed digests.",
        subcommands = {AuditCli.Verify.class, AuditCli.Digest.class, AuditCli.PublicKeyCommand.class,
                AuditCli.Export.class, AuditCli.Import.class})
public final class AuditCli implements Callable<Integer> {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int ERROR = 2;

    static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "org/roundtable/audit/cli/logback-cli.xml");
        }
        System.exit(run(args, new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8)));
    }

    static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine line = new CommandLine(new AuditCli())
                .setOut(out)
                .setErr(err)
                .setExitCodeExceptionMapper(e -> ERROR)
                .setExecutionExceptionHandler((e, commandLine, parsed) -> {
                    commandLine.getErr().println("error: " + e.getMessage());
                    return ERROR;
                });
        line.getCommandSpec().exitCodeOnInvalidInput(ERROR);
        return line.execute(args);
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ERROR;
    }

    @Command(name = "verify", description = {
            "Offline: check an export file (--export), optionally against a signed digest and the instance's public key.",
            "Remote: ask a server to verify its whole ledger (--url, --token)."})
    static final class Verify implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--export", description = "An export file (NDJSON) to check offline")
        Path export;

        @Option(names = "--digest", description = "A signed digest (JSON, as 'digest' saves it) to check with the export")
        Path digest;

        @Option(names = "--public-key", description = "The instance's public key (PEM or base64) the signatures must be made with")
        Path publicKey;

        @Option(names = "--url", description = "A server to verify remotely")
        String url;

        @Option(names = "--token", defaultValue = "${env:ROUNDTABLE_TOKEN}", description = "Bearer token for --url")
        String token;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if ((export == null) == (url == null)) {
                err.println("error: give either --export FILE (offline) or --url URL (remote)");
                return ERROR;
            }
            if (url != null) {
                JsonNode report = JSON.readTree(new AuditApi(url, token).get("/api/audit/verification"));
                if (report.path("ok").asBoolean(false)) {
                    out.println("OK: the ledger verifies through position " + report.path("verifiedThrough").asLong()
                            + ", chain head " + report.path("chainHead").asText());
                    return OK;
                }
                JsonNode failure = report.path("failure");
                out.println("FAILED at position " + failure.path("position").asText() + " ("
                        + failure.path("kind").asText() + "): " + failure.path("detail").asText()
                        + "; verified through " + report.path("verifiedThrough").asLong());
                return FAILED;
            }
            PublicKey trusted = publicKey == null ? null : Signatures.publicKey(Files.readString(publicKey));
            SignedDigest signed = digest == null ? null : JSON.readValue(digest.toFile(), SignedDigest.class);
            err.println("checking " + export + " ...");
            ExportReport report = new ExportVerifier(trusted, signed, lines -> err.println("  " + lines + " lines read"))
                    .verify(export);
            return print(report, out);
        }
    }

    static int print(ExportReport report, PrintWriter out) {
        if (report.ok()) {
            out.println("OK: " + report.commits() + " commits, " + report.events() + " events of tenant "
                    + report.tenantId() + ", sealed through position " + report.throughPosition()
                    + ", chain head " + report.chainHead());
        } else {
            out.println("FAILED: " + report.failure());
        }
        report.notes().forEach(note -> out.println("  note: " + note));
        return report.ok() ? OK : FAILED;
    }

    @Command(name = "digest", description = "Fetch the latest signed digest (or --create a new one) and print or save it.")
    static final class Digest implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @CommandLine.Mixin
        ServerOptions server;

        @Option(names = "--create", description = "Ask the server to verify its ledger and sign a new digest first")
        boolean create;

        @Option(names = "--out", description = "Save the digest to this file instead of printing it")
        Path out;

        @Override
        public Integer call() throws IOException {
            AuditApi api = server.api();
            JsonNode digest;
            if (create) {
                digest = JSON.readTree(api.post("/api/audit/digests"));
            } else {
                JsonNode list = JSON.readTree(api.get("/api/audit/digests?limit=1"));
                if (!list.isArray() || list.isEmpty()) {
                    spec.commandLine().getErr().println("error: the server holds no digest for this agency yet; use --create");
                    return FAILED;
                }
                digest = list.get(0);
            }
            String text = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(digest);
            if (out == null) {
                spec.commandLine().getOut().println(text);
            } else {
                Files.writeString(out, text + "\n");
                spec.commandLine().getErr().println("saved the digest at position " + digest.path("position").asLong() + " to " + out);
            }
            return OK;
        }
    }

    @Command(name = "public-key", description = "Fetch the instance's signing public key as PEM.")
    static final class PublicKeyCommand implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @CommandLine.Mixin
        ServerOptions server;

        @Option(names = "--out", description = "Save the PEM to this file instead of printing it")
        Path out;

        @Override
        public Integer call() throws IOException {
            String pem = JSON.readTree(server.api().get("/api/audit/digests/public-key")).path("pem").asText();
            if (out == null) {
                spec.commandLine().getOut().print(pem);
                spec.commandLine().getOut().flush();
            } else {
                Files.writeString(out, pem);
            }
            return OK;
        }
    }

    @Command(name = "export", description = "Download the agency's history as a signed NDJSON export.")
    static final class Export implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @CommandLine.Mixin
        ServerOptions server;

        @Option(names = "--out", required = true, description = "The file to write")
        Path out;

        @Option(names = "--passphrase-file", description = {
                "Carry the agency's per-person keys, wrapped under the transfer passphrase in this file (agency admin)"})
        Path passphraseFile;

        @Override
        public Integer call() throws IOException {
            PrintWriter err = spec.commandLine().getErr();
            Path partial = out.resolveSibling(out.getFileName() + ".part");
            long bytes = 0;
            AuditApi api = server.api();
            try (InputStream in = passphraseFile == null ? api.stream("/api/audit/export")
                    : api.streamPost("/api/audit/transfer-export", JSON.writeValueAsString(
                            Map.of("transferPassphrase", Files.readString(passphraseFile).strip())));
                 OutputStream file = Files.newOutputStream(partial)) {
                byte[] buffer = new byte[64 * 1024];
                long reported = 0;
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    file.write(buffer, 0, read);
                    bytes += read;
                    if (bytes - reported >= 8L * 1024 * 1024) {
                        err.println("  " + bytes / (1024 * 1024) + " MiB received");
                        reported = bytes;
                    }
                }
            }
            // only a complete download gets the name asked for
            Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING);
            err.println("saved " + bytes + " bytes to " + out + "; check it with: audit verify --export " + out);
            return OK;
        }
    }

    @Command(name = "import", description = {
            "Import an export into a server (platform operator): the agency must have no events there.",
            "An export made with a transfer passphrase carries the agency's per-person keys; give the same passphrase."})
    static final class Import implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @CommandLine.Mixin
        ServerOptions server;

        @Option(names = "--export", required = true, description = "The export file")
        Path export;

        @Option(names = "--public-key", description = "The source instance's public key the export must be signed with")
        Path publicKey;

        @Option(names = "--passphrase-file", description = "A file holding the transfer passphrase the export was made with")
        Path passphraseFile;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            PublicKey trusted = publicKey == null ? null : Signatures.publicKey(Files.readString(publicKey));
            err.println("checking " + export + " ...");
            ExportReport report = new ExportVerifier(trusted, null, lines -> err.println("  " + lines + " lines read"))
                    .verify(export);
            if (!report.ok()) {
                print(report, out);
                out.println("not imported");
                return FAILED;
            }
            String[] headers = passphraseFile == null ? new String[0]
                    : new String[] {"Transfer-Passphrase", Files.readString(passphraseFile).strip()};
            JsonNode result = JSON.readTree(server.api().postFile("/api/audit/imports", export, "application/x-ndjson", headers));
            out.println("imported " + result.path("commits").asLong() + " commits, " + result.path("events").asLong()
                    + " events of tenant " + result.path("tenantId").asText() + " at positions "
                    + result.path("firstPosition").asLong() + ".." + result.path("lastPosition").asLong() + ", with "
                    + result.path("subjectKeys").asLong() + " personal data keys and "
                    + result.path("erasedSubjects").asLong() + " erased people");
            return OK;
        }
    }

    /** The server to talk to. */
    static final class ServerOptions {
        @Option(names = "--url", required = true, description = "The server's base URL, e.g. http://localhost:8080")
        String url;

        @Option(names = "--token", defaultValue = "${env:ROUNDTABLE_TOKEN}",
                description = "A bearer token (auditor or admin); defaults to $ROUNDTABLE_TOKEN")
        String token;

        AuditApi api() {
            return new AuditApi(url, token);
        }
    }
}
