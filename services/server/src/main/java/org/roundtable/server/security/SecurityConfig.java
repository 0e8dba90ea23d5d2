package org.roundtable.server.security;

import org.roundtable.server.config.RoundtableProperties;
import org.roundtable.server.web.IdempotencyFilter;
import org.roundtable.server.web.IdempotencyStore;
import org.roundtable.server.web.ProblemWriter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * The filter chains every mode shares: the stateless {@code /api/**} resource server and the
 * public operational endpoints. The embedded issuer adds its own chains ({@link EmbeddedIssuerConfig}).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity
public class SecurityConfig {

    static final int AUTHORIZATION_SERVER_ORDER = 1;
    static final int API_ORDER = 2;
    static final int PUBLIC_ORDER = 3;
    /** The web interface's pages, signed in through the issuer. */
    public static final int UI_ORDER = 4;
    static final int BROWSER_ORDER = 5;

    @Bean
    TenantJwtAuthenticationConverter tenantJwtAuthenticationConverter(RoundtableProperties properties) {
        return new TenantJwtAuthenticationConverter(properties.getSecurity().getRolesClaim());
    }

    @Bean
    @Order(API_ORDER)
    SecurityFilterChain apiChain(HttpSecurity http, ProblemWriter writer, TenantJwtAuthenticationConverter converter,
                                 IdempotencyStore idempotencyStore) throws Exception {
        ProblemAuthenticationEntryPoint entryPoint = new ProblemAuthenticationEntryPoint(writer);
        ProblemAccessDeniedHandler accessDenied = new ProblemAccessDeniedHandler(writer);
        http.securityMatcher("/api/**")
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // bearer tokens travel in a header a browser never adds by itself, so there is no CSRF exposure
                .csrf(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .securityContext(context -> context.requireExplicitSave(true))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(converter))
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(accessDenied))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(accessDenied))
                .addFilterAfter(new IdempotencyFilter(idempotencyStore, writer), AuthorizationFilter.class);
        return http.build();
    }

    @Bean
    @Order(PUBLIC_ORDER)
    SecurityFilterChain publicChain(HttpSecurity http, ProblemWriter writer, TenantJwtAuthenticationConverter converter,
                                    RoundtableProperties properties) throws Exception {
        ProblemAuthenticationEntryPoint entryPoint = new ProblemAuthenticationEntryPoint(writer);
        ProblemAccessDeniedHandler accessDenied = new ProblemAccessDeniedHandler(writer);
        boolean publicMetrics = properties.getSecurity().isPublicMetrics();
        http.securityMatcher("/actuator/**", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html",
                        "/swagger-ui/**", "/error")
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
                            "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/error")
                            .permitAll();
                    if (publicMetrics) {
                        requests.requestMatchers("/actuator/prometheus").permitAll();
                    } else {
                        requests.requestMatchers("/actuator/prometheus").hasRole("operator");
                    }
                    requests.anyRequest().denyAll();
                })
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(converter))
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(accessDenied))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(accessDenied));
        return http.build();
    }

    /** Without the embedded issuer there are no browser pages yet: everything else is refused. */
    @Bean
    @Order(BROWSER_ORDER)
    @ConditionalOnProperty(name = "roundtable.security.mode", havingValue = "oidc")
    SecurityFilterChain refuseEverythingElse(HttpSecurity http, ProblemWriter writer) throws Exception {
        http.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .authorizeHttpRequests(requests -> requests.anyRequest().denyAll())
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(new ProblemAuthenticationEntryPoint(writer))
                        .accessDeniedHandler(new ProblemAccessDeniedHandler(writer)));
        return http.build();
    }
}
