package org.roundtable.server.security;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * The embedded issuer's clients: one confidential client-credentials client per demo account, and
 * the public {@code roundtable-web} client (authorization code with PKCE) for the browser UI. The
 * web client's redirect URI names the port the server actually listens on, known only after start.
 */
final class DemoClientRepository implements RegisteredClientRepository {

    static final String WEB_CLIENT_ID = "roundtable-web";
    static final String WEB_REDIRECT_PATH = "/login/oauth2/code/roundtable";

    private final Map<String, RegisteredClient> clients = new ConcurrentHashMap<>();
    private final Environment environment;
    private final List<String> extraRedirectUris;
    private final TokenSettings tokenSettings;

    DemoClientRepository(String encodedSecret, Duration accessTokenTtl, List<String> extraRedirectUris,
                         Environment environment) {
        this.environment = environment;
        this.extraRedirectUris = List.copyOf(extraRedirectUris);
        this.tokenSettings = TokenSettings.builder().accessTokenTimeToLive(accessTokenTtl).build();
        clients.putAll(DemoAccounts.all().stream()
                .map(account -> RegisteredClient.withId(account.name())
                        .clientId(account.name())
                        .clientSecret(encodedSecret)
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                        .tokenSettings(tokenSettings)
                        .build())
                .collect(Collectors.toMap(RegisteredClient::getId, Function.identity())));
    }

    @Override
    public void save(RegisteredClient registeredClient) {
        clients.put(registeredClient.getId(), registeredClient);
    }

    @Override
    public RegisteredClient findById(String id) {
        return WEB_CLIENT_ID.equals(id) ? webClient() : clients.get(id);
    }

    @Override
    public RegisteredClient findByClientId(String clientId) {
        if (WEB_CLIENT_ID.equals(clientId)) {
            return webClient();
        }
        return clients.values().stream()
                .filter(client -> client.getClientId().equals(clientId))
                .findFirst()
                .orElse(null);
    }

    private RegisteredClient webClient() {
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        Set<String> redirectUris = new LinkedHashSet<>();
        redirectUris.add("http://127.0.0.1:" + port + WEB_REDIRECT_PATH);
        redirectUris.add("http://localhost:" + port + WEB_REDIRECT_PATH);
        redirectUris.addAll(extraRedirectUris);
        return RegisteredClient.withId(WEB_CLIENT_ID)
                .clientId(WEB_CLIENT_ID)
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUris(uris -> uris.addAll(redirectUris))
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .tokenSettings(tokenSettings)
                .build();
    }
}
