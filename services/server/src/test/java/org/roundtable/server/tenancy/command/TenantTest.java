package org.roundtable.server.tenancy.command;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.roundtable.kernel.DomainException;
import org.roundtable.server.tenancy.api.CreateTenant;
import org.roundtable.server.tenancy.api.TenantCreated;

@DisplayName("Tenant")
class TenantTest {

    private AggregateTestFixture<Tenant> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Tenant.class);
    }

    @Test
    void a_new_tenant_is_created() {
        fixture.givenNoPriorActivity()
                .when(new CreateTenant("kent", " Kent ", "GB", "en-GB", "Europe/London"))
                .expectEvents(new TenantCreated("kent", "Kent", "GB", "en-GB", "Europe/London"));
    }

    @Test
    void an_existing_tenant_is_not_created_again() {
        fixture.given(new TenantCreated("kent", "Kent", "GB", "en-GB", "Europe/London"))
                .when(new CreateTenant("kent", "Kent again", "GB", "en-GB", "Europe/London"))
                .expectException(DomainException.class)
                .expectExceptionMessage("Tenant kent already exists")
                .expectNoEvents();
    }

    @Test
    void the_platform_tenant_is_reserved() {
        fixture.givenNoPriorActivity()
                .when(new CreateTenant("platform", "Platform", "GB", "en-GB", "Europe/London"))
                .expectException(DomainException.class)
                .expectNoEvents();
    }

    @ParameterizedTest(name = "{0}, {1}, {2} is refused")
    @CsvSource({"XX, en-GB, Europe/London", "GB, klingon, Europe/London", "GB, en-GB, Mars/Olympus",
            "gb, en-GB, Europe/London", "GB, en_GB, Europe/London"})
    void a_tenant_needs_a_real_country_locale_and_time_zone(String country, String locale, String zone) {
        fixture.givenNoPriorActivity()
                .when(new CreateTenant("x1", "X", country, locale, zone))
                .expectException(DomainException.class)
                .expectNoEvents();
    }

    @Test
    void a_tenant_id_must_be_valid() {
        fixture.givenNoPriorActivity()
                .when(new CreateTenant("Not Valid", "X", "GB", "en-GB", "Europe/London"))
                .expectException(DomainException.class)
                .expectNoEvents();
    }
}
