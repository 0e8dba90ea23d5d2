package org.roundtable.server.ui;

import java.util.LinkedHashSet;
import java.util.Set;
import org.roundtable.server.security.Callers;
import org.roundtable.server.security.SecurityConfig;
import org.roundtable.server.security.TenantJwtAuthenticationConverter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;

/**
 * The web interface's filter chain: pages under {@code /app}, signed in with the OIDC authorization
 * code flow (PKCE) against the issuer — the embedded one with its demo users locally, the configured
 * provider in production. The session holds the ID token's claims; the tenant, actor and roles are read
 * from them exactly as from an API token. Forms carry a CSRF token; htmx sends it as a header.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(UiEnabledCondition.class)
public class UiSecurityConfig {

    public static final String REGISTRATION_ID = "roundtable";
    static final String SIGN_IN = "/oauth2/authorization/" + REGISTRATION_ID;

    @Bean
    @Order(SecurityConfig.UI_ORDER)
    SecurityFilterChain uiChain(HttpSecurity http) throws Exception {
        // the issuer's sign-in keeps its own saved request (the authorization request); the page the user
        // first asked for is kept apart, so that they land on it after signing in
        HttpSessionRequestCache pages = new HttpSessionRequestCache();
        pages.setSessionAttrName("ROUNDTABLE_UI_SAVED_REQUEST");
        pages.setMatchingRequestParameterName(null);
        SavedRequestAwareAuthenticationSuccessHandler landing = new SavedRequestAwareAuthenticationSuccessHandler();
        landing.setRequestCache(pages);
        landing.setDefaultTargetUrl("/app");
        http.securityMatcher("/", "/app", "/app/**", "/oauth2/authorization/**", "/login/oauth2/code/**",
                        "/webjars/**", "/ui/**", "/logout", "/signed-out")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/webjars/**", "/ui/**", "/signed-out").permitAll()
                        // a session that is signed in to the issuer but has not finished the code flow is not a caller yet
                        .anyRequest().access((authentication, context) -> new org.springframework.security.authorization
                                .AuthorizationDecision(authentication.get() instanceof OAuth2AuthenticationToken
                                && Callers.from(authentication.get()).isPresent())))
                .requestCache(cache -> cache.requestCache(pages))
                .oauth2Login(login -> login.loginPage(SIGN_IN).successHandler(landing))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint(SIGN_IN))
                        .accessDeniedHandler((request, response, denied) -> {
                            if (Callers.current().isPresent()) {
                                response.sendError(403);
                            } else {
                                response.sendRedirect(request.getContextPath() + SIGN_IN);
                            }
                        }))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/signed-out")
                        .invalidateHttpSession(true).deleteCookies("JSESSIONID"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                                        + "form-action 'self'; frame-ancestors 'none'; base-uri 'self'"))
                        .referrerPolicy(referrer -> referrer.policy(
                                org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter
                                        .ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    /** The ID token's roles (from the configured claim) become {@code ROLE_<role>} authorities, as for API tokens. */
    @Bean
    GrantedAuthoritiesMapper uiAuthoritiesMapper(TenantJwtAuthenticationConverter converter) {
        return authorities -> {
            Set<GrantedAuthority> mapped = new LinkedHashSet<>();
            for (GrantedAuthority authority : authorities) {
                mapped.add(authority);
                if (authority instanceof OidcUserAuthority oidc) {
                    converter.knownRoles(oidc.getIdToken().getClaims())
                            .forEach(role -> mapped.add(new SimpleGrantedAuthority(Callers.ROLE_PREFIX + role)));
                }
            }
            return mapped;
        };
    }
}
