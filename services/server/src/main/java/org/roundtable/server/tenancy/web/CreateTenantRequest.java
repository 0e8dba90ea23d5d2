package org.roundtable.server.tenancy.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.roundtable.server.tenancy.api.CreateTenant;

/** The body of {@code POST /api/tenants}. */
record CreateTenantRequest(
        @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,39}",
                message = "must be 2-40 lower-case letters, digits or dashes") String id,
        @NotBlank @Size(max = 200) String name,
        @NotBlank @TenantSetting(TenantSetting.Kind.COUNTRY) String country,
        @NotBlank @TenantSetting(TenantSetting.Kind.LOCALE) String locale,
        @NotBlank @TenantSetting(TenantSetting.Kind.TIME_ZONE) String timeZone) {

    CreateTenant toCommand() {
        return new CreateTenant(id, name.strip(), country, locale, timeZone);
    }
}
