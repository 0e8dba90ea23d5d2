package org.roundtable.server.ui;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;

/**
 * With the embedded issuer the web interface signs in against this same server. Its token and key
 * endpoints are called server-side over loopback on the port the server actually listens on, known only
 * after start; the browser is sent to the authorization endpoint on the host it used, so its session
 * cookie comes along.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "roundtable.security.mode", havingValue = "embedded", matchIfMissing = true)
class LocalIssuerRegistrations {

    static final String WEB_CLIENT_ID = "roundtable-web";

    @Bean
    ClientRegistrationRepository localIssuerClientRegistrations(Environment environment) {
        return registrationId -> {
            if (!UiSecurityConfig.REGISTRATION_ID.equals(registrationId)) {
                return null;
            }
            String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
            String loopback = "http://127.0.0.1:" + port;
            return ClientRegistration.withRegistrationId(UiSecurityConfig.REGISTRATION_ID)
                    .clientId(WEB_CLIENT_ID)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                    .scope("openid", "profile")
                    .authorizationUri("/oauth2/authorize")
                    .tokenUri(loopback + "/oauth2/token")
                    .jwkSetUri(loopback + "/oauth2/jwks")
                    .userNameAttributeName(IdTokenClaimNames.SUB)
                    .clientName("Roundtable")
                    .build();
        };
    }
}
