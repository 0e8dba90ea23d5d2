package org.roundtable.partnerships.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
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
import org.roundtable.kernel.DomainException;
import org.roundtable.kernel.TenantId;
import org.roundtable.participants.api.FindParticipant;
import org.roundtable.participants.api.ParticipantView;
import org.roundtable.partnerships.api.CheckInAssessment;
import org.roundtable.partnerships.api.CountPartnerships;
import org.roundtable.partnerships.api.CountPartnershipsByPurpose;
import org.roundtable.partnerships.api.EndPartnership;
import org.roundtable.partnerships.api.FindPartnership;
import org.roundtable.partnerships.api.FindPartnershipMeetings;
import org.roundtable.partnerships.api.FindPartnershipVersion;
import org.roundtable.partnerships.api.FindPartnerships;
import org.roundtable.partnerships.api.FormPartnership;
import org.roundtable.partnerships.api.LogPartnershipMeeting;
import org.roundtable.partnerships.api.PartnershipCounts;
import org.roundtable.partnerships.api.PartnershipFormation;
import org.roundtable.partnerships.api.PartnershipMeetings;
import org.roundtable.partnerships.api.PartnershipOutcome;
import org.roundtable.partnerships.api.PartnershipPage;
import org.roundtable.partnerships.api.PartnershipPurpose;
import org.roundtable.partnerships.api.PartnershipStatus;
import org.roundtable.partnerships.api.PartnershipView;
import org.roundtable.partnerships.api.PurposeTally;
import org.roundtable.partnerships.api.RecordCheckIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@WebMvcTest(controllers = {PartnershipController.class, ParticipantPartnershipsController.class},
        properties = "roundtable.partnerships.read-model-wait=200ms")
@Import({ReadModelAwait.class, PartnerNames.class, PartnershipsWebConfiguration.class,
        WebSliceTestApplication.ServerStandIn.class, WebSliceTestApplication.DomainExceptionStatus.class})
class PartnershipControllerTest {

    static final String ID = "5f0e2d9a-1c3b-4a7e-8f60-2b9d4c1e7a32";
    static final String LOCAL = "a1a1a1a1-0000-4000-8000-000000000001";
    static final String IMMIGRANT = "b2b2b2b2-0000-4000-8000-000000000002";
    static final Instant AT = Instant.parse("2026-02-10T09:00:00Z");
    static final String FORM = """
            {"id": "%s", "firstPartnerId": "%s", "secondPartnerId": "%s",
             "purposes": ["language-exchange", "everyday-support"], "programmeId": "kranichstein-2026",
             "formedOn": "2026-02-10"}
            """.formatted(ID, LOCAL, IMMIGRANT);

    @Autowired
    MockMvc mvc;
    @MockitoBean
    CommandGateway commands;
    @MockitoBean
    QueryGateway queries;

    static RequestPostProcessor as(String role) {
        Caller caller = new Caller(new TenantId("darmstadt"), "coordinator-3", Set.of(role));
        return authentication(new TestingAuthenticationToken(caller, null, "ROLE_" + role));
    }

    @BeforeEach
    void registerHasCaughtUpAndTheDirectoryKnowsThePartners() {
        when(queries.query(any(FindPartnershipVersion.class), eq(Long.class)))
                .thenReturn(CompletableFuture.completedFuture(5L));
        when(queries.query(any(FindParticipant.class), ArgumentMatchers.<ResponseType<Optional<ParticipantView>>>any()))
                .thenAnswer(call -> {
                    FindParticipant query = call.getArgument(0);
                    boolean known = query.tenantId().equals("darmstadt")
                            && (query.participantId().equals(LOCAL) || query.participantId().equals(IMMIGRANT));
                    return CompletableFuture.completedFuture(known ? Optional.of(participant(query.participantId()))
                            : Optional.empty());
                });
    }

    static ParticipantView participant(String id) {
        String name = id.equals(LOCAL) ? "Lena Weber" : "Amal Haddad";
        return new ParticipantView(id, name, null, 1985, null, null, List.of(), "Darmstadt", null, Set.of(), List.of(),
                false, AT, 2);
    }

    static PartnershipView view(boolean immigrantErased) {
        return new PartnershipView(ID, List.of(new PartnershipView.Partner(LOCAL, null, false),
                new PartnershipView.Partner(IMMIGRANT, null, immigrantErased)),
                List.of(PartnershipPurpose.LANGUAGE_EXCHANGE), "coordinator-3", "kranichstein-2026",
                LocalDate.of(2026, 2, 10), PartnershipStatus.ACTIVE, null, null, null, 1, LocalDate.of(2026, 2, 17),
                List.of(), AT, "coordinator-3", 4);
    }

    void registerShows(Optional<PartnershipView> view) {
        when(queries.query(any(FindPartnership.class), ArgumentMatchers.<ResponseType<Optional<PartnershipView>>>any()))
                .thenReturn(CompletableFuture.completedFuture(view));
    }

    @Test
    void should_form_a_partnership_and_answer_201_with_the_warnings_in_the_body() throws Exception {
        when(commands.<PartnershipFormation>sendAndWait(any(FormPartnership.class)))
                .thenReturn(new PartnershipFormation(0L, List.of("the partners are not one local and one immigrant")));

        mvc.perform(post("/api/partnerships").with(as("staff")).contentType(MediaType.APPLICATION_JSON).content(FORM))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/partnerships/" + ID))
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.id").value(ID))
                .andExpect(jsonPath("$.warnings[0]").value("the partners are not one local and one immigrant"));

        ArgumentCaptor<FormPartnership> sent = ArgumentCaptor.forClass(FormPartnership.class);
        verify(commands).sendAndWait(sent.capture());
        assertThat(sent.getValue()).isEqualTo(new FormPartnership(ID, LOCAL, IMMIGRANT,
                Set.of(PartnershipPurpose.LANGUAGE_EXCHANGE, PartnershipPurpose.EVERYDAY_SUPPORT), "coordinator-3",
                "kranichstein-2026", LocalDate.of(2026, 2, 10)));
        verify(queries).query(new FindPartnershipVersion("darmstadt", ID), Long.class);
    }

    @Test
    void should_answer_an_empty_warning_list_and_let_an_admin_name_another_coordinator() throws Exception {
        when(commands.<PartnershipFormation>sendAndWait(any(FormPartnership.class)))
                .thenReturn(new PartnershipFormation(0L, List.of()));

        mvc.perform(post("/api/partnerships").with(as("admin")).contentType(MediaType.APPLICATION_JSON)
                        .content(FORM.replace("\"programmeId\"", "\"coordinatorId\": \"staff-8\", \"programmeId\"")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.warnings").isEmpty());
        ArgumentCaptor<FormPartnership> sent = ArgumentCaptor.forClass(FormPartnership.class);
        verify(commands).sendAndWait(sent.capture());
        assertThat(sent.getValue().coordinatorId()).isEqualTo("staff-8");
    }

    @Test
    void should_not_let_an_auditor_or_the_operator_form_or_record_and_not_let_the_operator_read() throws Exception {
        for (String role : List.of("auditor", "operator", "chair")) {
            mvc.perform(post("/api/partnerships").with(as(role)).contentType(MediaType.APPLICATION_JSON).content(FORM))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/api/partnerships/" + ID + "/meetings").with(as(role))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"date\": \"2026-02-17\", \"activity\": \"cooked together\"}"))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/api/partnerships/" + ID + "/end").with(as(role)).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"outcome\": \"dissolved\", \"reason\": \"moved\", \"endedOn\": \"2026-03-01\"}"))
                    .andExpect(status().isForbidden());
        }
        verifyNoInteractions(commands);
        for (String path : List.of("/api/partnerships", "/api/partnerships/" + ID, "/api/partnerships/" + ID + "/meetings",
                "/api/partnerships/purposes", "/api/participants/" + LOCAL + "/partnerships")) {
            mvc.perform(get(path).with(as("operator"))).andExpect(status().isForbidden());
        }
    }

    @Test
    void should_refuse_a_formation_without_purposes_with_an_unknown_purpose_or_a_partner_id_that_is_no_uuid()
            throws Exception {
        for (String body : List.of(FORM.replace("[\"language-exchange\", \"everyday-support\"]", "[]"),
                FORM.replace("everyday-support", "romance"),
                FORM.replace(LOCAL, "not-a-uuid"),
                FORM.replace("\"formedOn\": \"2026-02-10\"", "\"formedOn\": \"2999-01-01\""))) {
            mvc.perform(post("/api/partnerships").with(as("staff")).contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isBadRequest());
        }
        verifyNoInteractions(commands);
    }

    @Test
    void should_pass_the_domains_refusals_through_as_their_status() throws Exception {
        when(commands.<PartnershipFormation>sendAndWait(any(FormPartnership.class)))
                .thenThrow(DomainException.conflict("these two participants already have an active partnership"));
        mvc.perform(post("/api/partnerships").with(as("staff")).contentType(MediaType.APPLICATION_JSON).content(FORM))
                .andExpect(status().isConflict());

        when(commands.<Long>sendAndWait(any(LogPartnershipMeeting.class)))
                .thenThrow(DomainException.notFound("partnership"));
        mvc.perform(post("/api/partnerships/" + ID + "/meetings").with(as("staff")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"date\": \"2026-02-17\", \"activity\": \"cooked together\"}"))
                .andExpect(status().isNotFound());
    }

    @Test
    void should_serve_a_partnership_with_partners_names_from_the_directory_and_its_version_as_etag() throws Exception {
        registerShows(Optional.of(view(false)));

        mvc.perform(get("/api/partnerships/" + ID).with(as("auditor")))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"4\""))
                .andExpect(jsonPath("$.partners[0].fullName").value("Lena Weber"))
                .andExpect(jsonPath("$.partners[1].fullName").value("Amal Haddad"))
                .andExpect(jsonPath("$.purposes[0]").value("language-exchange"))
                .andExpect(jsonPath("$.status").value("active"))
                .andExpect(jsonPath("$.formedOn").value("2026-02-10"));
        verify(queries).query(eq(new FindPartnership("darmstadt", ID)),
                ArgumentMatchers.<ResponseType<Optional<PartnershipView>>>any());
    }

    @Test
    void should_show_an_erased_partner_as_erased_without_looking_them_up() throws Exception {
        registerShows(Optional.of(view(true)));

        mvc.perform(get("/api/partnerships/" + ID).with(as("staff")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.partners[1].fullName").value("[erased]"))
                .andExpect(jsonPath("$.partners[1].erased").value(true));
        verify(queries, never()).query(eq(new FindParticipant("darmstadt", IMMIGRANT)),
                ArgumentMatchers.<ResponseType<Optional<ParticipantView>>>any());
    }

    @Test
    void should_answer_404_for_a_partnership_the_callers_tenant_does_not_have() throws Exception {
        registerShows(Optional.empty());
        mvc.perform(get("/api/partnerships/" + ID).with(as("staff"))).andExpect(status().isNotFound());
        when(queries.query(any(FindPartnershipMeetings.class),
                ArgumentMatchers.<ResponseType<Optional<PartnershipMeetings>>>any()))
                .thenReturn(CompletableFuture.completedFuture(Optional.empty()));
        mvc.perform(get("/api/partnerships/" + ID + "/meetings").with(as("staff"))).andExpect(status().isNotFound());
    }

    @Test
    void should_list_with_the_callers_tenant_and_the_filters_and_name_the_partners() throws Exception {
        when(queries.query(any(FindPartnerships.class), eq(PartnershipPage.class)))
                .thenReturn(CompletableFuture.completedFuture(new PartnershipPage(List.of(view(false)), 1, 10, 11)));

        mvc.perform(get("/api/partnerships").with(as("staff")).param("status", "active")
                        .param("purpose", "language-exchange").param("participantId", LOCAL)
                        .param("programmeId", "kranichstein-2026").param("page", "1").param("size", "10"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].partners[0].fullName").value("Lena Weber"))
                .andExpect(jsonPath("$.total").value(11));
        verify(queries).query(new FindPartnerships("darmstadt", PartnershipStatus.ACTIVE,
                PartnershipPurpose.LANGUAGE_EXCHANGE, LOCAL, "kranichstein-2026", 1, 10), PartnershipPage.class);
    }

    @Test
    void should_refuse_an_unknown_status_filter_and_a_page_larger_than_100() throws Exception {
        mvc.perform(get("/api/partnerships").with(as("staff")).param("status", "paused"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/partnerships").with(as("staff")).param("size", "101"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void should_log_a_meeting_record_a_check_in_and_end_the_partnership() throws Exception {
        when(commands.<Long>sendAndWait(any(LogPartnershipMeeting.class))).thenReturn(1L);
        when(commands.<Long>sendAndWait(any(RecordCheckIn.class))).thenReturn(2L);
        when(commands.<Long>sendAndWait(any(EndPartnership.class))).thenReturn(3L);
        String meetingId = "9d9d9d9d-0000-4000-8000-000000000009";

        mvc.perform(post("/api/partnerships/" + ID + "/meetings").with(as("staff")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"id\": \"%s\", \"date\": \"2026-02-17\", \"activity\": \"cooked together\"}"
                                .formatted(meetingId)))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/partnerships/" + ID + "/meetings"))
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.id").value(meetingId));
        verify(commands).sendAndWait(new LogPartnershipMeeting(ID, meetingId, LocalDate.of(2026, 2, 17),
                "cooked together"));

        mvc.perform(post("/api/partnerships/" + ID + "/check-ins").with(as("staff"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"date\": \"2026-02-20\", \"assessment\": \"needs-support\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("ETag", "\"2\""));
        ArgumentCaptor<RecordCheckIn> checkIn = ArgumentCaptor.forClass(RecordCheckIn.class);
        verify(commands).sendAndWait(checkIn.capture());
        assertThat(checkIn.getValue().assessment()).isEqualTo(CheckInAssessment.NEEDS_SUPPORT);

        mvc.perform(post("/api/partnerships/" + ID + "/end").with(as("admin")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"outcome\": \"continuing-privately\", \"reason\": \"they meet on their own\","
                                + " \"endedOn\": \"2026-03-01\"}"))
                .andExpect(status().isNoContent())
                .andExpect(header().string("ETag", "\"3\""));
        verify(commands).sendAndWait(new EndPartnership(ID, PartnershipOutcome.CONTINUING_PRIVATELY,
                "they meet on their own", LocalDate.of(2026, 3, 1)));
    }

    @Test
    void should_refuse_a_meeting_without_activity_and_an_end_without_outcome_at_the_edge() throws Exception {
        mvc.perform(post("/api/partnerships/" + ID + "/meetings").with(as("staff")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"date\": \"2026-02-17\", \"activity\": \" \"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/partnerships/" + ID + "/end").with(as("staff")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": \"moved\", \"endedOn\": \"2026-03-01\"}"))
                .andExpect(status().isBadRequest());
        verifyNoInteractions(commands);
    }

    @Test
    void should_serve_meetings_the_purpose_tally_and_a_programmes_counts() throws Exception {
        when(queries.query(any(FindPartnershipMeetings.class),
                ArgumentMatchers.<ResponseType<Optional<PartnershipMeetings>>>any()))
                .thenReturn(CompletableFuture.completedFuture(Optional.of(new PartnershipMeetings(ID, List.of(
                        new PartnershipMeetings.Meeting("m-1", LocalDate.of(2026, 2, 17), "cooked together", AT,
                                "coordinator-3"))))));
        when(queries.query(any(CountPartnershipsByPurpose.class), ArgumentMatchers.<ResponseType<List<PurposeTally>>>any()))
                .thenReturn(CompletableFuture.completedFuture(List.of(
                        new PurposeTally(PartnershipPurpose.COMMON_HOBBY, 4, 2))));
        when(queries.query(any(CountPartnerships.class), eq(PartnershipCounts.class)))
                .thenReturn(CompletableFuture.completedFuture(new PartnershipCounts(3, 7, 1)));

        mvc.perform(get("/api/partnerships/" + ID + "/meetings").with(as("auditor")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].meetingDate").value("2026-02-17"))
                .andExpect(jsonPath("$.items[0].activity").value("cooked together"));
        mvc.perform(get("/api/partnerships/purposes").with(as("auditor")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].purpose").value("common-hobby"))
                .andExpect(jsonPath("$.items[0].active").value(4));
        mvc.perform(get("/api/partnerships/counts").with(as("auditor")).param("programmeId", "kranichstein-2026")
                        .param("from", "2026-01-01").param("to", "2026-03-31"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.formed").value(3))
                .andExpect(jsonPath("$.active").value(7))
                .andExpect(jsonPath("$.ended").value(1));
        verify(queries).query(new CountPartnerships("darmstadt", "kranichstein-2026", LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 3, 31)), PartnershipCounts.class);
    }

    @Test
    void should_refuse_a_period_that_ends_before_it_starts() throws Exception {
        mvc.perform(get("/api/partnerships/counts").with(as("staff")).param("programmeId", "p-1")
                        .param("from", "2026-03-01").param("to", "2026-01-01"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void should_list_a_participants_partnerships_with_the_partners_names() throws Exception {
        when(queries.query(any(FindPartnerships.class), eq(PartnershipPage.class)))
                .thenReturn(CompletableFuture.completedFuture(new PartnershipPage(List.of(view(false)), 0, 100, 1)));

        mvc.perform(get("/api/participants/" + LOCAL + "/partnerships").with(as("staff")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].id").value(ID))
                .andExpect(jsonPath("$.items[0].partners[1].fullName").value("Amal Haddad"));
        verify(queries).query(new FindPartnerships("darmstadt", null, null, LOCAL, null, 0, FindPartnerships.MAX_SIZE),
                PartnershipPage.class);
    }

    @Test
    void should_answer_404_for_the_partnerships_of_a_participant_the_callers_tenant_does_not_have() throws Exception {
        mvc.perform(get("/api/participants/c3c3c3c3-0000-4000-8000-000000000003/partnerships").with(as("staff")))
                .andExpect(status().isNotFound());
    }
}
