package org.roundtable.participants.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
import org.roundtable.kernel.TenantId;
import org.roundtable.participants.api.ConsentGrant;
import org.roundtable.participants.api.ConsentInForce;
import org.roundtable.participants.api.CorrectParticipant;
import org.roundtable.participants.api.EraseParticipant;
import org.roundtable.participants.api.FindParticipant;
import org.roundtable.participants.api.FindParticipantVersion;
import org.roundtable.participants.api.FindParticipants;
import org.roundtable.participants.api.GiveConsent;
import org.roundtable.participants.api.ParticipantPage;
import org.roundtable.participants.api.ParticipantView;
import org.roundtable.participants.api.RegisterParticipant;
import org.roundtable.participants.api.WithdrawConsent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@WebMvcTest(controllers = {ParticipantController.class, ReachGroupController.class},
        properties = "roundtable.participants.read-model-wait=200ms")
@Import({ReadModelAwait.class, ParticipantsWebConfiguration.class,
        WebSliceTestApplication.ServerStandIn.class, WebSliceTestApplication.DomainExceptionStatus.class})
class ParticipantControllerTest {

    static final String ID = "7b0c5a8e-9a43-4a0e-9d5e-0d2f7c1f2a10";

    @Autowired
    MockMvc mvc;
    @MockitoBean
    CommandGateway commands;
    @MockitoBean
    QueryGateway queries;

    static RequestPostProcessor as(String role) {
        Caller caller = new Caller(new TenantId("kent"), "officer-1", Set.of(role));
        return authentication(new TestingAuthenticationToken(caller, null, "ROLE_" + role));
    }

    @BeforeEach
    void directoryHasCaughtUpToVersionTwo() {
        when(queries.query(any(FindParticipantVersion.class), eq(Long.class)))
                .thenReturn(CompletableFuture.completedFuture(2L));
    }

    void directoryShows(Optional<ParticipantView> view) {
        when(queries.query(any(FindParticipant.class), ArgumentMatchers.<ResponseType<Optional<ParticipantView>>>any()))
                .thenReturn(CompletableFuture.completedFuture(view));
    }

    static ParticipantView view(long version) {
        return new ParticipantView(ID, "Ana Lakatos", LocalDate.of(2021, 3, 14), 2021, null, "SK", List.of("rom"),
                "Folkestone", null, Set.of(), List.of(new ConsentInForce("programme-records", "self",
                Instant.parse("2026-03-01T10:00:00Z"), "officer-1")), false, Instant.parse("2026-03-01T10:00:00Z"),
                version);
    }

    @Test
    void should_register_a_participant_and_answer_201_with_location_etag_and_id() throws Exception {
        when(commands.<Long>sendAndWait(any(RegisterParticipant.class))).thenReturn(2L);

        mvc.perform(post("/api/participants").with(as("staff")).contentType(MediaType.APPLICATION_JSON).content("""
                        {"id": "%s", "fullName": "Ana Lakatos", "birthDate": "2021-03-14", "countryOfOrigin": "SK",
                         "languages": ["rom", "sk"], "town": "Folkestone", "reachGroups": ["roma-community"],
                         "consents": [{"purpose": "programme-records", "givenBy": "self"},
                                      {"purpose": "special-category", "givenBy": "self"}]}
                        """.formatted(ID)))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/participants/" + ID))
                .andExpect(header().string("ETag", "\"2\""))
                .andExpect(jsonPath("$.id").value(ID));

        ArgumentCaptor<RegisterParticipant> sent = ArgumentCaptor.forClass(RegisterParticipant.class);
        verify(commands).sendAndWait(sent.capture());
        assertThat(sent.getValue().participantId()).isEqualTo(ID);
        assertThat(sent.getValue().birthDate()).isEqualTo(LocalDate.of(2021, 3, 14));
        assertThat(sent.getValue().reachGroups()).containsExactly("roma-community");
        assertThat(sent.getValue().consents()).containsExactly(new ConsentGrant("programme-records", "self"),
                new ConsentGrant("special-category", "self"));
        verify(queries).query(new FindParticipantVersion("kent", ID), Long.class);
    }

    @Test
    void should_generate_an_id_when_the_client_sends_none() throws Exception {
        when(commands.<Long>sendAndWait(any(RegisterParticipant.class))).thenReturn(0L);

        mvc.perform(post("/api/participants").with(as("admin")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"fullName\": \"Jan Horvath\", \"birthYear\": 1988}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").isString());
        ArgumentCaptor<RegisterParticipant> sent = ArgumentCaptor.forClass(RegisterParticipant.class);
        verify(commands).sendAndWait(sent.capture());
        assertThat(java.util.UUID.fromString(sent.getValue().participantId())).isNotNull();
    }

    @Test
    void should_refuse_an_invalid_registration_at_the_edge_without_sending_a_command() throws Exception {
        mvc.perform(post("/api/participants").with(as("staff")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"fullName\": \"Jan Horvath\", \"birthYear\": 1988, \"countryOfOrigin\": \"gb\"}"))
                .andExpect(status().isBadRequest());
        verifyNoInteractions(commands);
    }

    @Test
    void should_not_let_an_auditor_register_a_participant() throws Exception {
        mvc.perform(post("/api/participants").with(as("auditor")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"fullName\": \"Jan Horvath\", \"birthYear\": 1988}"))
                .andExpect(status().isForbidden());
        verifyNoInteractions(commands);
    }

    @Test
    void should_not_let_the_platform_operator_read_participants() throws Exception {
        mvc.perform(get("/api/participants").with(as("operator"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/participants/" + ID).with(as("operator"))).andExpect(status().isForbidden());
        verifyNoInteractions(commands);
    }

    @Test
    void should_serve_a_participant_with_its_version_as_etag() throws Exception {
        directoryShows(Optional.of(view(4)));

        mvc.perform(get("/api/participants/" + ID).with(as("auditor")))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"4\""))
                .andExpect(jsonPath("$.fullName").value("Ana Lakatos"))
                .andExpect(jsonPath("$.birthDate").value("2021-03-14"))
                .andExpect(jsonPath("$.consents[0].purpose").value("programme-records"));
        verify(queries).query(eq(new FindParticipant("kent", ID)), ArgumentMatchers.<ResponseType<Optional<ParticipantView>>>any());
    }

    @Test
    void should_answer_404_for_a_participant_the_callers_tenant_does_not_have() throws Exception {
        directoryShows(Optional.empty());
        mvc.perform(get("/api/participants/" + ID).with(as("staff"))).andExpect(status().isNotFound());
    }

    @Test
    void should_list_with_the_callers_tenant_and_the_filters() throws Exception {
        when(queries.query(any(FindParticipants.class), eq(ParticipantPage.class)))
                .thenReturn(CompletableFuture.completedFuture(new ParticipantPage(List.of(), 1, 50, 0)));

        mvc.perform(get("/api/participants").with(as("staff"))
                        .param("name", "ana").param("town", "Dover").param("reachGroup", "roma-community")
                        .param("page", "1").param("size", "50"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items").isArray())
                .andExpect(jsonPath("$.page").value(1))
                .andExpect(jsonPath("$.size").value(50))
                .andExpect(jsonPath("$.total").value(0));
        verify(queries).query(new FindParticipants("kent", "ana", "Dover", "roma-community", 1, 50), ParticipantPage.class);
    }

    @Test
    void should_refuse_a_page_larger_than_200() throws Exception {
        mvc.perform(get("/api/participants").with(as("staff")).param("size", "201"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void should_require_if_match_for_a_correction() throws Exception {
        mvc.perform(patch("/api/participants/" + ID).with(as("staff")).contentType("application/merge-patch+json")
                        .content("{\"town\": \"Dover\"}"))
                .andExpect(status().isPreconditionRequired());
        verifyNoInteractions(commands);
    }

    @Test
    void should_answer_412_to_an_if_match_that_is_not_one_of_our_etags() throws Exception {
        mvc.perform(patch("/api/participants/" + ID).with(as("staff")).header("If-Match", "W/\"abc\"")
                        .contentType("application/merge-patch+json").content("{\"town\": \"Dover\"}"))
                .andExpect(status().isPreconditionFailed());
        verifyNoInteractions(commands);
    }

    @Test
    void should_correct_as_a_merge_patch_with_the_version_from_if_match() throws Exception {
        when(commands.<Long>sendAndWait(any(CorrectParticipant.class))).thenReturn(2L);
        directoryShows(Optional.of(view(2)));

        mvc.perform(patch("/api/participants/" + ID).with(as("staff")).header("If-Match", "\"1\"")
                        .contentType("application/merge-patch+json")
                        .content("{\"town\": \"Dover\", \"gender\": null, \"reason\": \"moved\"}"))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"2\""))
                .andExpect(jsonPath("$.id").value(ID));

        ArgumentCaptor<CorrectParticipant> sent = ArgumentCaptor.forClass(CorrectParticipant.class);
        verify(commands).sendAndWait(sent.capture());
        CorrectParticipant command = sent.getValue();
        assertThat(command.expectedVersion()).isEqualTo(1L);
        assertThat(command.town()).isEqualTo("Dover");
        assertThat(command.fullName()).isNull();
        assertThat(command.gender()).isNull();
        assertThat(command.cleared()).containsExactly("gender");
        assertThat(command.reason()).isEqualTo("moved");
    }

    @Test
    void should_answer_404_before_any_version_check_for_another_tenants_participant() throws Exception {
        when(queries.query(any(FindParticipantVersion.class), eq(Long.class)))
                .thenReturn(CompletableFuture.completedFuture(-1L));

        mvc.perform(patch("/api/participants/" + ID).with(as("staff")).header("If-Match", "\"7\"")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"town\": \"Dover\"}"))
                .andExpect(status().isNotFound());
        verifyNoInteractions(commands);
    }

    @Test
    void should_give_and_withdraw_consent() throws Exception {
        when(commands.<Long>sendAndWait(any())).thenReturn(2L);

        mvc.perform(post("/api/participants/" + ID + "/consents").with(as("staff"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"purpose\": \"photos\", \"givenBy\": \"self\"}"))
                .andExpect(status().isNoContent())
                .andExpect(header().string("ETag", "\"2\""));
        mvc.perform(delete("/api/participants/" + ID + "/consents/photos").with(as("staff")))
                .andExpect(status().isNoContent());

        verify(commands).sendAndWait(new GiveConsent(ID, "photos", "self"));
        verify(commands).sendAndWait(new WithdrawConsent(ID, "photos"));
    }

    @Test
    void should_refuse_consent_given_by_anyone_but_self_or_guardian() throws Exception {
        mvc.perform(post("/api/participants/" + ID + "/consents").with(as("staff"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"purpose\": \"photos\", \"givenBy\": \"teacher\"}"))
                .andExpect(status().isBadRequest());
        verifyNoInteractions(commands);
    }

    @Test
    void should_erase_with_or_without_a_body() throws Exception {
        when(commands.<Long>sendAndWait(any(EraseParticipant.class))).thenReturn(2L);

        mvc.perform(post("/api/participants/" + ID + "/erasure").with(as("admin")))
                .andExpect(status().isNoContent());
        mvc.perform(post("/api/participants/" + ID + "/erasure").with(as("admin"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"request by letter\"}"))
                .andExpect(status().isNoContent());

        verify(commands).sendAndWait(new EraseParticipant(ID, null));
        verify(commands).sendAndWait(new EraseParticipant(ID, "request by letter"));
    }

    @Test
    void should_answer_even_when_the_read_model_lags_behind_the_deadline() throws Exception {
        when(queries.query(any(FindParticipantVersion.class), eq(Long.class)))
                .thenReturn(CompletableFuture.completedFuture(1L));
        when(commands.<Long>sendAndWait(any(GiveConsent.class))).thenReturn(2L);

        long started = System.nanoTime();
        mvc.perform(post("/api/participants/" + ID + "/consents").with(as("staff"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"purpose\": \"photos\", \"givenBy\": \"self\"}"))
                .andExpect(status().isNoContent());
        assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(200);
    }
}
