package org.roundtable.server.ui;

import java.util.Locale;
import java.util.Optional;
import org.axonframework.queryhandling.QueryGateway;
import org.roundtable.kernel.Caller;
import org.roundtable.server.security.Callers;
import org.roundtable.server.tenancy.api.FindTenant;
import org.roundtable.server.tenancy.api.TenantView;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the signed-in user (header, navigation) and the supported languages into every page's model. */
@ControllerAdvice(basePackages = "org.roundtable.server.ui")
public class UiModel {

    private final QueryGateway queries;

    UiModel(QueryGateway queries) {
        this.queries = queries;
    }

    @ModelAttribute("me")
    UiUser me(Locale locale) {
        Optional<Caller> caller = Callers.current();
        if (caller.isEmpty()) {
            return null;
        }
        TenantView tenant = queries.query(new FindTenant(caller.get().tenant()), TenantView.class).join();
        String name = tenant == null || tenant.name() == null ? caller.get().tenant() : tenant.name();
        return UiUser.of(caller.get(), name, locale.toLanguageTag());
    }

    /** The page's own path, for the language links (which keep the user where they are). */
    @ModelAttribute("currentPath")
    String currentPath(jakarta.servlet.http.HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    @ModelAttribute("languages")
    java.util.List<String> languages() {
        return UiLocales.SUPPORTED.stream().map(Locale::toLanguageTag).toList();
    }
}
