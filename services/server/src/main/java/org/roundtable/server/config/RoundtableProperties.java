package org.roundtable.server.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** Settings of the application shell, bound from {@code roundtable.*}. */
@ConfigurationProperties(prefix = "roundtable")
public class RoundtableProperties {

    /** Where the embedded default keeps its files (issuer key, embedded store). */
    private Path dataDir = Path.of("./data");
    private final Security security = new Security();
    private final Api api = new Api();

    public Path getDataDir() {
        return dataDir;
    }

    public void setDataDir(Path dataDir) {
        this.dataDir = dataDir;
    }

    public Security getSecurity() {
        return security;
    }

    public Api getApi() {
        return api;
    }

    public enum Mode {
        /** An OAuth2 issuer with demo accounts runs inside this server (local default). */
        EMBEDDED,
        /** Tokens come from an external OIDC provider; this server is only a resource server. */
        OIDC
    }

    public static class Security {

        private Mode mode = Mode.EMBEDDED;
        /** The secret of every demo client and user in embedded mode. */
        private String demoSecret = "demo";
        /** The claim holding the caller's roles; dots walk into nested objects. */
        private String rolesClaim = "roles";
        /** Lifetime of access tokens issued by the embedded issuer. */
        private Duration accessTokenTtl = Duration.ofHours(1);
        /** Extra redirect URIs for the {@code roundtable-web} client (the local one is always allowed). */
        private List<String> webClientRedirectUris = List.of();
        /** Whether {@code /actuator/prometheus} is readable without a token (scrapers inside the cluster). */
        private boolean publicMetrics = true;

        public Mode getMode() {
            return mode;
        }

        public void setMode(Mode mode) {
            this.mode = mode;
        }

        public String getDemoSecret() {
            return demoSecret;
        }

        public void setDemoSecret(String demoSecret) {
            this.demoSecret = demoSecret;
        }

        public String getRolesClaim() {
            return rolesClaim;
        }

        public void setRolesClaim(String rolesClaim) {
            this.rolesClaim = rolesClaim;
        }

        public Duration getAccessTokenTtl() {
            return accessTokenTtl;
        }

        public void setAccessTokenTtl(Duration accessTokenTtl) {
            this.accessTokenTtl = accessTokenTtl;
        }

        public List<String> getWebClientRedirectUris() {
            return webClientRedirectUris;
        }

        public void setWebClientRedirectUris(List<String> webClientRedirectUris) {
            this.webClientRedirectUris = webClientRedirectUris;
        }

        public boolean isPublicMetrics() {
            return publicMetrics;
        }

        public void setPublicMetrics(boolean publicMetrics) {
            this.publicMetrics = publicMetrics;
        }
    }

    public static class Api {

        /** Largest request body accepted under {@code /api}. */
        private DataSize maxBodySize = DataSize.ofKilobytes(256);
        /** Deepest JSON nesting accepted in a request body. */
        private int maxJsonNestingDepth = 32;
        /** How long a stored answer to an {@code Idempotency-Key} is replayed. */
        private Duration idempotencyTtl = Duration.ofHours(24);
        /** After this long an unfinished request no longer blocks a retry with its key. */
        private Duration idempotencyInFlightTimeout = Duration.ofMinutes(2);

        public DataSize getMaxBodySize() {
            return maxBodySize;
        }

        public void setMaxBodySize(DataSize maxBodySize) {
            this.maxBodySize = maxBodySize;
        }

        public int getMaxJsonNestingDepth() {
            return maxJsonNestingDepth;
        }

        public void setMaxJsonNestingDepth(int maxJsonNestingDepth) {
            this.maxJsonNestingDepth = maxJsonNestingDepth;
        }

        public Duration getIdempotencyTtl() {
            return idempotencyTtl;
        }

        public void setIdempotencyTtl(Duration idempotencyTtl) {
            this.idempotencyTtl = idempotencyTtl;
        }

        public Duration getIdempotencyInFlightTimeout() {
            return idempotencyInFlightTimeout;
        }

        public void setIdempotencyInFlightTimeout(Duration idempotencyInFlightTimeout) {
            this.idempotencyInFlightTimeout = idempotencyInFlightTimeout;
        }
    }
}
