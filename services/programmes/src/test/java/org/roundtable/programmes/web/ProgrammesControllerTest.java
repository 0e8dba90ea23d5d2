package org.roundtable.programmes.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
import org.roundtable.participants.api.FindParticipantVersion;
import org.roundtable.programmes.api.ActivityKind;
import org.roundtable.programmes.api.FamilyCheckIn;
import org.roundtable.programmes.api.FindProgramme;
import org.roundtable.programmes.api.FindProgrammeReport;
import org.roundtable.programmes.api.FindProgrammeVersion;
import org.roundtable.programmes.api.FindSession;
import org.roundtable.programmes.api.FindSessionVersion;
import org.roundtable.programmes.api.HoldSession;
import org.roundtable.programmes.api.LaunchProgramme;
import org.roundtable.programmes.api.ProgrammeReport;
import org.roundtable.programmes.api.ProgrammeReport.Breakdown;
import org.roundtable.programmes.api.ProgrammeReport.Figure;
import org.roundtable.programmes.api.ProgrammeReport.QuestionnaireFigures;
import org.roundtable.programmes.api.ProgrammeReport.TargetProgress;
import org.roundtable.programmes.api.ProgrammeView;
import org.roundtable.programmes.api.RecordSessionFeedback;
import org.roundtable.programmes.api.SessionView;
import org.roundtable.programmes.api.Target;
import org.roundtable.programmes.api.TargetMetric;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@WebMvcTest(controllers = {ProgrammeController.class, ActivityController.class, SessionController.class,
        QuestionnaireController.class}, properties = "roundtable.programmes.read-model-wait=200ms")
@Import({ProgrammeReadModelAwait.class, ReportCsv.class, ProgrammesWebConfiguration.class,
        WebSliceTestApplication.ServerStandIn.class, WebSliceTestApplication.DomainExceptionStatus.class})
class ProgrammesControllerTest {

    static final String P = "0b7f3a52-2f49-4d8e-9d55-3f3c1e1b2a01";
    static final String M1 = "7b0c5a8e-9a43-4a0e-9d5e-0d2f7c1f2a10";
    static final String C1 = "2f1e8a42-7c1b-4e54-8e0c-51b1d5c3a0f1";
    static final String A1 = "5a1c7d0e-3b2a-4c9f-8e7d-6b5a4c3d2e1f";

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
    void readModelsHaveCaughtUp() {
        when(queries.query(any(FindProgrammeVersion.class), eq(Long.class))).thenReturn(CompletableFuture.completedFuture(0L));
        when(queries.query(any(FindSessionVersion.class), eq(Long.class))).thenReturn(CompletableFuture.completedFuture(0L));
    }

    void programmeIs(Optional<ProgrammeView> view) {
        when(queries.query(any(FindProgramme.class), ArgumentMatchers.<ResponseType<Optional<ProgrammeView>>>any()))
                .thenReturn(CompletableFuture.completedFuture(view));
    }

    static ProgrammeView programme() {
        return new ProgrammeView(P, "Integrated Communities", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31),
                List.of("Folkestone"), List.of(), List.of(), false, null, null, 0);
    }

    @Test
    void should_let_an_admin_launch_a_programme_and_answer_201_with_location_etag_and_id() throws Exception {
        when(commands.<Long>sendAndWait(any(LaunchProgramme.class))).thenReturn(0L);

        mvc.perform(post("/api/programmes").with(as("admin")).contentType(MediaType.APPLICATION_JSON).content("""
                        {"id": "%s", "name": "Integrated Communities", "startDate": "2026-01-01", "endDate": "2028-12-31",
                         "towns": ["Folkestone", "Dover", "Margate"],
                         "funders": [{"funder": "Lottery", "type": "GRANT", "amount": 450000, "currency": "GBP"}],
                         "targets": [{"metric": "DISTINCT_PARTICIPANTS", "reachGroup": "roma-community", "value": 400,
                                      "from": "2026-01-01", "until": "2026-12-31"}]}
                        """.formatted(P)))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/programmes/" + P))
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.id").value(P));

        ArgumentCaptor<LaunchProgramme> sent = ArgumentCaptor.forClass(LaunchProgramme.class);
        verify(commands).sendAndWait(sent.capture());
        assertThat(sent.getValue().targets()).containsExactly(new Target(TargetMetric.DISTINCT_PARTICIPANTS,
                "roma-community", null, 400, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)));
        verify(queries).query(new FindProgrammeVersion("kent", P), Long.class);
    }

    @Test
    void should_not_let_staff_or_auditors_or_the_operator_set_up_programmes() throws Exception {
        for (String role : List.of("staff", "auditor", "operator")) {
            mvc.perform(post("/api/programmes").with(as(role)).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"name\": \"X\", \"startDate\": \"2026-01-01\", \"endDate\": \"2026-12-31\"}"))
                    .andExpect(status().isForbidden());
            mvc.perform(put("/api/programmes/" + P + "/targets").with(as(role)).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"targets\": [], \"reason\": \"r\"}"))
                    .andExpect(status().isForbidden());
        }
        verifyNoInteractions(commands);
    }

    @Test
    void should_refuse_an_invalid_programme_at_the_edge_without_sending_a_command() throws Exception {
        mvc.perform(post("/api/programmes").with(as("admin")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"X\", \"startDate\": \"2026-01-01\", \"endDate\": \"2026-12-31\","
                                + " \"funders\": [{\"funder\": \"L\", \"type\": \"GRANT\", \"amount\": -5, \"currency\": \"gbp\"}]}"))
                .andExpect(status().isBadRequest());
        verifyNoInteractions(commands);
    }

    @Test
    void should_answer_404_for_a_programme_the_callers_tenant_does_not_have() throws Exception {
        programmeIs(Optional.empty());
        mvc.perform(get("/api/programmes/" + P).with(as("auditor"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/programmes/" + P + "/report").with(as("auditor"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/programmes/" + P + "/calendar?from=2026-03-01&to=2026-03-31").with(as("staff")))
                .andExpect(status().isNotFound());
        verify(queries, times(3)).query(eq(new FindProgramme("kent", P)),
                ArgumentMatchers.<ResponseType<Optional<ProgrammeView>>>any());
    }

    @Test
    void should_let_staff_record_a_whole_register_in_one_request() throws Exception {
        when(commands.<Long>sendAndWait(any(HoldSession.class))).thenReturn(0L);

        mvc.perform(post("/api/sessions").with(as("staff")).contentType(MediaType.APPLICATION_JSON).content("""
                        {"activityId": "%s", "date": "2026-03-03", "facilitatorIds": ["officer-1"],
                         "participantIds": ["%s"], "families": [{"guardianId": "%s", "childIds": ["%s"]}],
                         "headcounts": [{"reachGroup": "wider-community", "count": 3}]}
                        """.formatted(A1, C1, M1, C1)))
                .andExpect(status().isCreated())
                .andExpect(header().exists("Location"))
                .andExpect(jsonPath("$.id").isString());

        ArgumentCaptor<HoldSession> sent = ArgumentCaptor.forClass(HoldSession.class);
        verify(commands).sendAndWait(sent.capture());
        assertThat(sent.getValue().activityId()).isEqualTo(A1);
        assertThat(sent.getValue().families()).containsExactly(new FamilyCheckIn(M1, List.of(C1)));
        assertThat(sent.getValue().headcounts().get(0).group()).isEqualTo("wider-community");
    }

    @Test
    void should_not_let_an_auditor_record_sessions_or_feedback() throws Exception {
        mvc.perform(post("/api/sessions").with(as("auditor")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"activityId\": \"%s\", \"date\": \"2026-03-03\", \"facilitatorIds\": [\"o\"]}".formatted(A1)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/sessions/s1/feedback").with(as("auditor")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"note\": \"fine\"}"))
                .andExpect(status().isForbidden());
        verifyNoInteractions(commands);
    }

    @Test
    void should_refuse_a_session_without_a_date_or_facilitator_at_the_edge() throws Exception {
        mvc.perform(post("/api/sessions").with(as("staff")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"activityId\": \"%s\", \"facilitatorIds\": []}".formatted(A1)))
                .andExpect(status().isBadRequest());
        verifyNoInteractions(commands);
    }

    @Test
    void should_record_feedback_and_answer_204_once_the_register_shows_it() throws Exception {
        when(commands.<Long>sendAndWait(any(RecordSessionFeedback.class))).thenReturn(3L);
        when(queries.query(any(FindSessionVersion.class), eq(Long.class))).thenReturn(CompletableFuture.completedFuture(3L));

        mvc.perform(post("/api/sessions/s1/feedback").with(as("staff")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"note\": \"More chairs next time\"}"))
                .andExpect(status().isNoContent())
                .andExpect(header().string("ETag", "\"3\""));
        verify(commands).sendAndWait(new RecordSessionFeedback("s1", "More chairs next time"));
    }

    @Test
    void should_answer_404_for_another_tenants_session_and_participant() throws Exception {
        when(queries.query(any(FindSession.class), ArgumentMatchers.<ResponseType<Optional<SessionView>>>any()))
                .thenReturn(CompletableFuture.completedFuture(Optional.empty()));
        when(queries.query(any(FindParticipantVersion.class), eq(Long.class))).thenReturn(CompletableFuture.completedFuture(-1L));

        mvc.perform(get("/api/sessions/s1").with(as("staff"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/participants/" + M1 + "/attendance").with(as("staff"))).andExpect(status().isNotFound());
        verify(queries).query(new FindParticipantVersion("kent", M1), Long.class);
    }

    @Test
    void should_not_let_the_operator_read_anything() throws Exception {
        mvc.perform(get("/api/programmes").with(as("operator"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/calendar?from=2026-03-01&to=2026-03-31").with(as("operator"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/sessions/s1").with(as("operator"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/programmes/" + P + "/report").with(as("operator"))).andExpect(status().isForbidden());
        verifyNoInteractions(queries);
    }

    @Test
    void should_refuse_a_calendar_longer_than_400_days_or_backwards() throws Exception {
        mvc.perform(get("/api/calendar?from=2026-01-01&to=2027-12-31").with(as("staff"))).andExpect(status().isUnprocessableEntity());
        mvc.perform(get("/api/calendar?from=2026-03-02&to=2026-03-01").with(as("staff"))).andExpect(status().isUnprocessableEntity());
    }

    @Test
    void should_serve_the_report_as_json_with_exact_figures_and_as_csv_with_small_groups_suppressed() throws Exception {
        programmeIs(Optional.of(programme()));
        Target wider = new Target(TargetMetric.DISTINCT_PARTICIPANTS, "wider-community", null, 1000,
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
        ProgrammeReport report = new ProgrammeReport(P, "Integrated Communities", LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31), null, 5, new Figure(8, false), new Figure(1, true),
                List.of(new Breakdown("roma-community", new Figure(6, false)), new Breakdown("wider-community", new Figure(2, true))),
                List.of(), List.of(), 2, true, 76, true, 1, List.of(new Breakdown("SK", new Figure(4, true))),
                List.of(new ProgrammeReport.Count("ACTIVITY_SESSION", 2)), 2, List.of(), 0, 14, List.of(), 0,
                new QuestionnaireFigures(1, 4, 2, 50.0), List.of(new TargetProgress(wider, true, 2L, 0.2, 998L, true)));
        when(queries.query(any(FindProgrammeReport.class), ArgumentMatchers.<ResponseType<Optional<ProgrammeReport>>>any()))
                .thenReturn(CompletableFuture.completedFuture(Optional.of(report)));

        mvc.perform(get("/api/programmes/" + P + "/report").with(as("auditor")).accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.byReachGroup[1].people.value").value(2))
                .andExpect(jsonPath("$.byReachGroup[1].people.suppressed").value(true));
        String csv = mvc.perform(get("/api/programmes/" + P + "/report").with(as("auditor")).accept("text/csv"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andReturn().getResponse().getContentAsString();

        assertThat(csv.split("\r\n")).contains("section,key,value,target,percent,remaining",
                "people,distinct-participants,8,,,", "people,erased-participants,fewer than 5,,,",
                "reach-group,roma-community,6,,,", "reach-group,wider-community,fewer than 5,,,",
                "age,youngest,suppressed,,,", "attendances,total,14,,,", "questionnaires,return-rate-percent,50.0,,,",
                "target,distinct-participants wider-community 2026-01-01..2026-12-31,fewer than 5,1000,fewer than 5,fewer than 5");
        verify(queries, times(2)).query(eq(new FindProgrammeReport("kent", P, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31))),
                ArgumentMatchers.<ResponseType<Optional<ProgrammeReport>>>any());
    }

    @Test
    void should_refuse_a_report_period_that_ends_before_it_starts() throws Exception {
        programmeIs(Optional.of(programme()));
        mvc.perform(get("/api/programmes/" + P + "/report?from=2026-06-01&to=2026-05-01").with(as("staff")))
                .andExpect(status().isUnprocessableEntity());
    }

    @Test
    void should_refuse_unknown_activity_kinds_at_the_edge() throws Exception {
        mvc.perform(post("/api/programmes/" + P + "/activities").with(as("admin")).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": "Together Time", "kind": "PICNIC", "audience": "0-6", "town": "Folkestone",
                                 "schedule": {"days": ["TUESDAY"], "startTime": "09:30", "endTime": "11:00", "from": "2026-03-01"}}
                                """))
                .andExpect(status().is4xxClientError());
        verifyNoInteractions(commands);
        assertThat(ActivityKind.valueOf("COFFEE_MORNING")).isNotNull();
    }
}
