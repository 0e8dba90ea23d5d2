package org.roundtable.server.security;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.util.List;
import org.roundtable.server.config.RoundtableProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * The local default: an OAuth2/OIDC issuer inside this server with the documented demo accounts,
 * form login for browsers, and a signing key kept under the data directory. Off in {@code oidc} mode.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "roundtable.security.mode", havingValue = "embedded", matchIfMissing = true)
public class EmbeddedIssuerConfig {

    static final String ISSUER_KEY_FILE = "issuer-key.json";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    RegisteredClientRepository registeredClientRepository(PasswordEncoder encoder, RoundtableProperties properties,
                                                           Environment environment) {
        RoundtableProperties.Security security = properties.getSecurity();
        return new DemoClientRepository(encoder.encode(security.getDemoSecret()), security.getAccessTokenTtl(),
                security.getWebClientRedirectUris(), environment);
    }

    @Bean
    OAuth2AuthorizationService authorizationService() {
        return new InMemoryOAuth2AuthorizationService();
    }

    @Bean
    UserDetailsService demoUsers(PasswordEncoder encoder, RoundtableProperties properties) {
        String secret = encoder.encode(properties.getSecurity().getDemoSecret());
        return new InMemoryUserDetailsManager(DemoAccounts.all().stream()
                .map(account -> User.withUsername(account.name())
                        .password(secret)
                        .roles(account.roles().toArray(String[]::new))
                        .build())
                .toList());
    }

    @Bean
    JWKSource<SecurityContext> jwkSource(RoundtableProperties properties) {
        return new ImmutableJWKSet<>(new JWKSet(
                IssuerKeyStore.loadOrCreate(properties.getDataDir().resolve(ISSUER_KEY_FILE))));
    }

    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource) {
        return OAuth2AuthorizationServerConfiguration.jwtDecoder(jwkSource);
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings() {
        return AuthorizationServerSettings.builder().build();
    }

    /** Puts the account's tenant and roles into its access and ID tokens. */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> tenantClaims() {
        return context -> {
            boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
            boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
            if (!accessToken && !idToken) {
                return;
            }
            DemoAccounts.find(context.getPrincipal().getName()).ifPresent(account -> context.getClaims()
                    .claim(Callers.TENANT_CLAIM, account.tenant())
                    .claim(Callers.ROLES_CLAIM, List.copyOf(account.roles())));
        };
    }

    @Bean
    @Order(SecurityConfig.AUTHORIZATION_SERVER_ORDER)
    SecurityFilterChain authorizationServerChain(HttpSecurity http) throws Exception {
        OAuth2AuthorizationServerConfigurer authorizationServer = OAuth2AuthorizationServerConfigurer.authorizationServer();
        http.securityMatcher(authorizationServer.getEndpointsMatcher())
                .with(authorizationServer, server -> server.oidc(Customizer.withDefaults()))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                // the user-info endpoint accepts the issuer's own access tokens
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults()))
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"),
                        new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
        return http.build();
    }

    /** Browser pages: form login for the demo users, which the authorization-code flow relies on. */
    @Bean
    @Order(SecurityConfig.BROWSER_ORDER)
    SecurityFilterChain browserChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/error", "/favicon.ico").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").permitAll());
        return http.build();
    }
}
