package org.roundtable.server.ui;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The interface speaks English, German and simple German ({@code de-simple}, a variant of German with
 * short sentences and everyday words for participant-facing texts). The choice is the user's, kept in a
 * cookie for a year; until they choose, the browser's language decides.
 */
@Configuration(proxyBeanMethods = false)
public class UiLocales implements WebMvcConfigurer {

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale GERMAN = Locale.GERMAN;
    public static final Locale SIMPLE_GERMAN = Locale.forLanguageTag("de-simple");
    public static final List<Locale> SUPPORTED = List.of(ENGLISH, GERMAN, SIMPLE_GERMAN);
    static final String PARAMETER = "lang";

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("roundtable-lang");
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieHttpOnly(true);
        resolver.setDefaultLocaleFunction(request -> {
            Locale wanted = request.getLocale();
            return GERMAN.getLanguage().equals(wanted.getLanguage()) ? GERMAN : ENGLISH;
        });
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor() {
            @Override
            public boolean preHandle(jakarta.servlet.http.HttpServletRequest request,
                                     jakarta.servlet.http.HttpServletResponse response, Object handler)
                    throws jakarta.servlet.ServletException {
                String wanted = request.getParameter(PARAMETER);
                // only the three languages the interface is written in; anything else is ignored
                if (wanted != null && SUPPORTED.stream().noneMatch(locale -> locale.toLanguageTag().equals(wanted))) {
                    return true;
                }
                return super.preHandle(request, response, handler);
            }
        };
        change.setParamName(PARAMETER);
        registry.addInterceptor(change).addPathPatterns("/app", "/app/**");
    }
}
