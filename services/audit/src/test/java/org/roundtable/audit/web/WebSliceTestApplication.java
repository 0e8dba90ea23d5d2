package org.roundtable.audit.web;

import java.util.Map;
import org.roundtable.kernel.Caller;
import org.roundtable.kernel.DomainException;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.MethodParameter;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The root of the controller slice tests. It stands in for the parts the server provides: the
 * {@link Caller} taken from the authentication, method security, and DomainException to status.
 */
@SpringBootApplication
class WebSliceTestApplication {

    @TestConfiguration
    @EnableMethodSecurity
    static class ServerStandIn implements WebMvcConfigurer {

        @Bean
        SecurityFilterChain api(HttpSecurity http) throws Exception {
            return http.csrf(AbstractHttpConfigurer::disable)
                    .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                    .build();
        }

        @Override
        public void addArgumentResolvers(java.util.List<HandlerMethodArgumentResolver> resolvers) {
            resolvers.add(new HandlerMethodArgumentResolver() {
                @Override
                public boolean supportsParameter(MethodParameter parameter) {
                    return parameter.getParameterType() == Caller.class;
                }

                @Override
                public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                                              NativeWebRequest request, WebDataBinderFactory binders) {
                    return SecurityContextHolder.getContext().getAuthentication().getPrincipal();
                }
            });
        }
    }

    @RestControllerAdvice
    static class DomainExceptionStatus {

        @ExceptionHandler(DomainException.class)
        ResponseEntity<Map<String, String>> refuse(DomainException exception) {
            return ResponseEntity.status(exception.type().status()).body(Map.of("detail", exception.getMessage()));
        }
    }
}
