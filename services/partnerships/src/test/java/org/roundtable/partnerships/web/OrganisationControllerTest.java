package org.roundtable.partnerships.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.ArgumentMatchers;
import org.roundtable.kernel.Caller;
import org.roundtable.kernel.DomainException;
import org.roundtable.kernel.TenantId;
import org.roundtable.partnerships.api.ArchiveOrganisation;
import org.roundtable.partnerships.api.AssociationDevelopment;
import org.roundtable.partnerships.api.FindAssociationDevelopment;
import org.roundtable.partnerships.api.FindOrganisation;
import org.roundtable.partnerships.api.FindOrganisationVersion;
import org.roundtable.partnerships.api.FindOrganisations;
import org.roundtable.partnerships.api.Milestone;
import org.roundtable.partnerships.api.OrganisationKind;
import org.roundtable.partnerships.api.OrganisationPage;
import org.roundtable.partnerships.api.OrganisationStatus;
import org.roundtable.partnerships.api.OrganisationView;
import org.roundtable.partnerships.api.RecordAssociationSupport;
import org.roundtable.partnerships.api.RecordMilestone;
import org.roundtable.partnerships.api.RegisterOrganisation;
import org.roundtable.partnerships.api.SupportKind;
import org.roundtable.partnerships.api.UpdateOrganisation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@WebMvcTest(controllers = OrganisationController.class, properties = "roundtable.partnerships.read-model-wait=200ms")
@Import({ReadModelAwait.class, PartnershipsWebConfiguration.class,
        WebSliceTestApplication.ServerStandIn.class, WebSliceTestApplication.DomainExceptionStatus.class})
class OrganisationControllerTest {

    static final String ID = "0b6f3c1e-5d7a-4c11-9a34-6e2f1b0c9d01";

    @Autowired
    MockMvc mvc;
    @MockitoBean
    CommandGateway commands;
    @MockitoBean
    QueryGateway queries;

    static RequestPostProcessor as(String role) {
        Caller caller = new Caller(new TenantId("krefeld"), "admin-1", Set.of(role));
        return authentication(new TestingAuthenticationToken(caller, null, "ROLE_" + role));
    }

    @BeforeEach
    void registryHasCaughtUpToVersionThree() {
        when(queries.query(any(FindOrganisationVersion.class), eq(Long.class)))
                .thenReturn(CompletableFuture.completedFuture(3L));
    }

    void registryShows(Optional<OrganisationView> view) {
        when(queries.query(any(FindOrganisation.class), ArgumentMatchers.<ResponseType<Optional<OrganisationView>>>any()))
                .thenReturn(CompletableFuture.completedFuture(view));
    }

    static OrganisationView view(long version) {
        return new OrganisationView(ID, "Roma Kulturverein", OrganisationKind.MIGRANT_ASSOCIATION, "Krefeld",
                "chairperson", OrganisationStatus.ACTIVE, Instant.parse("2026-03-01T10:00:00Z"), null, null, version);
    }

    @Test
    void should_let_an_admin_register_an_organisation_and_answer_201_with_location_etag_and_id() throws Exception {
        when(commands.<Long>sendAndWait(any(RegisterOrganisation.class))).thenReturn(0L);

        mvc.perform(post("/api/organisations").with(as("admin")).contentType(MediaType.APPLICATION_JSON).content("""
                        {"id": "%s", "name": "Grundschule am Park", "kind": "primary-school", "town": "Krefeld",
                         "roleContact": "head teacher"}
                        """.formatted(ID)))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/organisations/" + ID))
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.id").value(ID));

        verify(commands).sendAndWait(new RegisterOrganisation(ID, "Grundschule am Park", OrganisationKind.PRIMARY_SCHOOL,
                "Krefeld", "head teacher"));
        verify(queries).query(new FindOrganisationVersion("krefeld", ID), Long.class);
    }

    @Test
    void should_not_let_staff_auditors_or_the_operator_manage_the_registry() throws Exception {
        for (String role : List.of("staff", "auditor", "operator", "chair")) {
            mvc.perform(post("/api/organisations").with(as(role)).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"name\": \"Polizei\", \"kind\": \"police\"}"))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/api/organisations/" + ID + "/archive").with(as(role)))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/api/organisations/" + ID + "/milestones").with(as(role))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"milestone\": \"board-trained\", \"date\": \"2026-01-10\", \"evidence\": \"x\"}"))
                    .andExpect(status().isForbidden());
        }
        verifyNoInteractions(commands);
    }

    @Test
    void should_let_staff_and_auditors_read_but_not_the_operator() throws Exception {
        registryShows(Optional.of(view(3)));
        mvc.perform(get("/api/organisations/" + ID).with(as("staff"))).andExpect(status().isOk());
        mvc.perform(get("/api/organisations/" + ID).with(as("auditor"))).andExpect(status().isOk());
        mvc.perform(get("/api/organisations/" + ID).with(as("operator"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/organisations").with(as("operator"))).andExpect(status().isForbidden());
    }

    @Test
    void should_refuse_an_unknown_kind_or_a_missing_name_at_the_edge_without_sending_a_command() throws Exception {
        mvc.perform(post("/api/organisations").with(as("admin")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"Polizei\", \"kind\": \"secret-service\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/organisations").with(as("admin")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\": \"police\"}"))
                .andExpect(status().isBadRequest());
        verifyNoInteractions(commands);
    }

    @Test
    void should_serve_an_organisation_with_its_status_codes_and_version_as_etag() throws Exception {
        registryShows(Optional.of(view(3)));

        mvc.perform(get("/api/organisations/" + ID).with(as("staff")))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"3\""))
                .andExpect(jsonPath("$.kind").value("migrant-association"))
                .andExpect(jsonPath("$.status").value("active"))
                .andExpect(jsonPath("$.roleContact").value("chairperson"));
        verify(queries).query(eq(new FindOrganisation("krefeld", ID)),
                ArgumentMatchers.<ResponseType<Optional<OrganisationView>>>any());
    }

    @Test
    void should_answer_404_for_an_organisation_the_callers_tenant_does_not_have() throws Exception {
        registryShows(Optional.empty());
        mvc.perform(get("/api/organisations/" + ID).with(as("admin"))).andExpect(status().isNotFound());
        when(queries.query(any(FindAssociationDevelopment.class),
                ArgumentMatchers.<ResponseType<Optional<AssociationDevelopment>>>any()))
                .thenReturn(CompletableFuture.completedFuture(Optional.empty()));
        mvc.perform(get("/api/organisations/" + ID + "/development").with(as("admin"))).andExpect(status().isNotFound());
    }

    @Test
    void should_list_with_the_callers_tenant_and_kind_and_status_codes() throws Exception {
        when(queries.query(any(FindOrganisations.class), eq(OrganisationPage.class)))
                .thenReturn(CompletableFuture.completedFuture(new OrganisationPage(List.of(view(1)), 0, 50, 1)));

        mvc.perform(get("/api/organisations").with(as("auditor")).param("kind", "migrant-association")
                        .param("status", "active").param("size", "50"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].id").value(ID))
                .andExpect(jsonPath("$.total").value(1));
        verify(queries).query(new FindOrganisations("krefeld", OrganisationKind.MIGRANT_ASSOCIATION,
                OrganisationStatus.ACTIVE, 0, 50), OrganisationPage.class);
    }

    @Test
    void should_refuse_an_unknown_kind_filter_and_a_page_larger_than_200() throws Exception {
        mvc.perform(get("/api/organisations").with(as("staff")).param("kind", "unknown-kind"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/organisations").with(as("staff")).param("size", "201"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void should_require_if_match_to_update() throws Exception {
        mvc.perform(put("/api/organisations/" + ID).with(as("admin")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"Roma Kulturverein e.V.\", \"kind\": \"migrant-association\"}"))
                .andExpect(status().isPreconditionRequired());
        verifyNoInteractions(commands);
    }

    @Test
    void should_update_with_the_version_from_if_match_and_answer_the_organisation() throws Exception {
        when(commands.<Long>sendAndWait(any(UpdateOrganisation.class))).thenReturn(3L);
        registryShows(Optional.of(view(3)));

        mvc.perform(put("/api/organisations/" + ID).with(as("admin")).header("If-Match", "\"2\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"Roma Kulturverein e.V.\", \"kind\": \"migrant-association\","
                                + " \"town\": \"Krefeld\"}"))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"3\""))
                .andExpect(jsonPath("$.id").value(ID));
        verify(commands).sendAndWait(new UpdateOrganisation(ID, 2L, "Roma Kulturverein e.V.",
                OrganisationKind.MIGRANT_ASSOCIATION, "Krefeld", null));
    }

    @Test
    void should_answer_404_not_412_when_updating_another_tenants_organisation() throws Exception {
        when(queries.query(any(FindOrganisationVersion.class), eq(Long.class)))
                .thenReturn(CompletableFuture.completedFuture(-1L));

        mvc.perform(put("/api/organisations/" + ID).with(as("admin")).header("If-Match", "\"2\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"Taken over\", \"kind\": \"charity\"}"))
                .andExpect(status().isNotFound());
        verifyNoInteractions(commands);
    }

    @Test
    void should_archive_and_answer_204_with_the_new_etag() throws Exception {
        when(commands.<Long>sendAndWait(any(ArchiveOrganisation.class))).thenReturn(3L);

        mvc.perform(post("/api/organisations/" + ID + "/archive").with(as("admin")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": \"school merged\"}"))
                .andExpect(status().isNoContent())
                .andExpect(header().string("ETag", "\"3\""));
        verify(commands).sendAndWait(new ArchiveOrganisation(ID, "school merged"));
    }

    @Test
    void should_record_funding_and_a_milestone_for_an_association() throws Exception {
        when(commands.<Long>sendAndWait(any(RecordAssociationSupport.class))).thenReturn(2L);
        when(commands.<Long>sendAndWait(any(RecordMilestone.class))).thenReturn(3L);

        mvc.perform(post("/api/organisations/" + ID + "/support").with(as("admin")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\": \"funding\", \"date\": \"2026-01-10\", \"amount\": 1500.50,"
                                + " \"currency\": \"EUR\", \"note\": \"Roma Day grant\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/organisations/" + ID + "/development"))
                .andExpect(jsonPath("$.id").isString());
        ArgumentCaptor<RecordAssociationSupport> support = ArgumentCaptor.forClass(RecordAssociationSupport.class);
        verify(commands).sendAndWait(support.capture());
        assertThat(support.getValue().kind()).isEqualTo(SupportKind.FUNDING);
        assertThat(support.getValue().amount()).isEqualByComparingTo(new BigDecimal("1500.50"));
        assertThat(support.getValue().currency()).isEqualTo("EUR");

        mvc.perform(post("/api/organisations/" + ID + "/milestones").with(as("admin"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"milestone\": \"joined-district-committee\", \"date\": \"2026-02-01\","
                                + " \"evidence\": \"minutes of the district committee\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("ETag", "\"3\""));
        ArgumentCaptor<RecordMilestone> milestone = ArgumentCaptor.forClass(RecordMilestone.class);
        verify(commands).sendAndWait(milestone.capture());
        assertThat(milestone.getValue().milestone()).isEqualTo(Milestone.JOINED_DISTRICT_COMMITTEE);
        assertThat(milestone.getValue().reachedOn()).isEqualTo(LocalDate.of(2026, 2, 1));
    }

    @Test
    void should_refuse_an_amount_with_fractions_of_a_cent_or_a_lower_case_currency_at_the_edge() throws Exception {
        for (String body : List.of(
                "{\"kind\": \"funding\", \"date\": \"2026-01-10\", \"amount\": 10.001, \"currency\": \"EUR\", \"note\": \"x\"}",
                "{\"kind\": \"funding\", \"date\": \"2026-01-10\", \"amount\": 10, \"currency\": \"eur\", \"note\": \"x\"}",
                "{\"kind\": \"gift\", \"date\": \"2026-01-10\", \"note\": \"x\"}")) {
            mvc.perform(post("/api/organisations/" + ID + "/support").with(as("admin"))
                            .contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isBadRequest());
        }
        verifyNoInteractions(commands);
    }

    @Test
    void should_pass_the_domains_refusal_through_as_its_status() throws Exception {
        when(commands.<Long>sendAndWait(any(RecordMilestone.class)))
                .thenThrow(DomainException.conflict("milestone already reached: board-trained"));

        mvc.perform(post("/api/organisations/" + ID + "/milestones").with(as("admin"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"milestone\": \"board-trained\", \"date\": \"2026-02-01\", \"evidence\": \"x\"}"))
                .andExpect(status().isConflict());
    }
}
