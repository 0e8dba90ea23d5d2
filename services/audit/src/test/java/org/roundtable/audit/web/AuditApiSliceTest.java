package org.roundtable.audit.web;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.roundtable.audit.api.HistoryEvent;
import org.roundtable.audit.api.HistoryPage;
import org.roundtable.audit.api.ReplayStatus;
import org.roundtable.audit.api.SignedDigest;
import org.roundtable.audit.api.VerificationReport;
import org.roundtable.audit.digest.DigestService;
import org.roundtable.audit.export.LedgerExporter;
import org.roundtable.audit.query.AuditHistory;
import org.roundtable.audit.query.AuditVerification;
import org.roundtable.audit.query.HistoryFilter;
import org.roundtable.audit.replay.Replays;
import org.roundtable.kernel.Caller;
import org.roundtable.kernel.TenantId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@WebMvcTest(controllers = {AuditController.class, DigestController.class, ReplayController.class})
@Import({WebSliceTestApplication.ServerStandIn.class, WebSliceTestApplication.DomainExceptionStatus.class})
@DisplayName("The audit API")
class AuditApiSliceTest {

    static final TenantId KENT = new TenantId("kent");

    @Autowired
    MockMvc mvc;
    @MockitoBean
    AuditHistory history;
    @MockitoBean
    AuditVerification verification;
    @MockitoBean
    LedgerExporter exporter;
    @MockitoBean
    DigestService digests;
    @MockitoBean
    Replays replays;

    static RequestPostProcessor as(String role) {
        Caller caller = new Caller(KENT, role + "-1", Set.of(role));
        return authentication(new TestingAuthenticationToken(caller, null, "ROLE_" + role));
    }

    private static HistoryPage onePage() {
        HistoryEvent event = new HistoryEvent(3, "e-3", "org.roundtable.x.SessionHeld", null, "s-1", "Activity", 0L,
                "2026-03-01T10:00:00Z", "kent", "officer-1", "staff", "c-1", "t-1",
                JsonNodeFactory.instance.objectNode().put("actorId", "officer-1"),
                JsonNodeFactory.instance.objectNode().put("headcount", 4));
        return new HistoryPage(List.of(event), 3, true);
    }

    @Test
    void gives_auditors_the_history_of_their_own_agency_without_personal_data() throws Exception {
        when(history.find(eq(KENT), any(), anyBoolean())).thenReturn(onePage());

        mvc.perform(get("/api/audit/events").param("type", "SessionHeld").param("actor", "officer-1")
                        .param("from", "2026-03-01T00:00:00Z").param("to", "2026-03-02T00:00:00Z")
                        .param("afterPosition", "2").param("toPosition", "40").param("limit", "50").with(as("auditor")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].position").value(3))
                .andExpect(jsonPath("$.items[0].actorId").value("officer-1"))
                .andExpect(jsonPath("$.items[0].payload.headcount").value(4))
                .andExpect(jsonPath("$.nextAfterPosition").value(3))
                .andExpect(jsonPath("$.hasMore").value(true));

        ArgumentCaptor<HistoryFilter> filter = ArgumentCaptor.forClass(HistoryFilter.class);
        verify(history).find(eq(KENT), filter.capture(), eq(false));
        org.assertj.core.api.Assertions.assertThat(filter.getValue()).isEqualTo(new HistoryFilter(null, "SessionHeld",
                "officer-1", Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2026-03-02T00:00:00Z"), 2, 40L, 50));
    }

    @Test
    void shows_admins_personal_data_and_refuses_staff() throws Exception {
        when(history.find(eq(KENT), any(), anyBoolean())).thenReturn(onePage());

        mvc.perform(get("/api/audit/events").with(as("admin"))).andExpect(status().isOk());
        verify(history).find(eq(KENT), eq(HistoryFilter.all()), eq(true));

        mvc.perform(get("/api/audit/events").with(as("staff"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/audit/verification").with(as("operator"))).andExpect(status().isForbidden());
    }

    @Test
    void refuses_a_time_that_is_not_an_instant_and_a_limit_over_five_hundred() throws Exception {
        mvc.perform(get("/api/audit/events").param("from", "yesterday").with(as("auditor")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("ISO-8601")));
        mvc.perform(get("/api/audit/events").param("limit", "501").with(as("auditor")))
                .andExpect(status().isBadRequest());
        verifyNoInteractions(history);
    }

    @Test
    void reports_verification_with_the_failing_position() throws Exception {
        when(verification.verify()).thenReturn(new VerificationReport(false, 4, "ab",
                new VerificationReport.Failure(5, "ALTERED", "the event at position 5 differs from its seal")));

        mvc.perform(get("/api/audit/verification").with(as("auditor")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ok").value(false))
                .andExpect(jsonPath("$.verifiedThrough").value(4))
                .andExpect(jsonPath("$.chainHead").value("ab"))
                .andExpect(jsonPath("$.failure.position").value(5))
                .andExpect(jsonPath("$.failure.kind").value("ALTERED"));
    }

    @Test
    void creates_and_lists_signed_digests() throws Exception {
        SignedDigest digest = new SignedDigest("d-1", 7, "cafe", Instant.parse("2026-03-01T10:00:00.123Z"), "Ed25519",
                "c2ln", "cHVi", "auditor-1");
        when(digests.create(any())).thenReturn(digest);
        when(digests.list(KENT, 20)).thenReturn(List.of(digest));

        mvc.perform(post("/api/audit/digests").with(as("auditor")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.position").value(7))
                .andExpect(jsonPath("$.chainHead").value("cafe"))
                .andExpect(jsonPath("$.signature").value("c2ln"));
        mvc.perform(get("/api/audit/digests").with(as("admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value("d-1"));
        mvc.perform(post("/api/audit/digests").with(as("staff"))).andExpect(status().isForbidden());
    }

    @Test
    void streams_the_agencys_export_as_ndjson() throws Exception {
        doAnswer(invocation -> {
            invocation.<OutputStream>getArgument(1).write("{\"line\":1}\n".getBytes(StandardCharsets.UTF_8));
            return null;
        }).when(exporter).export(eq(KENT), any());

        MvcResult started = mvc.perform(get("/api/audit/export").with(as("auditor")))
                .andExpect(request().asyncStarted())
                .andReturn();
        mvc.perform(asyncDispatch(started))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("application/x-ndjson")))
                .andExpect(header().string("Content-Disposition", containsString("roundtable-kent-history.ndjson")))
                .andExpect(content().string("{\"line\":1}\n"));
    }

    @Test
    void lets_only_the_operator_start_and_follow_a_replay() throws Exception {
        ReplayStatus status = new ReplayStatus("participant-directory", true, true, 10, 100, 90, 45.0, 2L);
        when(replays.start("participant-directory")).thenReturn(status);
        when(replays.status("participant-directory")).thenReturn(status);

        mvc.perform(post("/api/audit/replays").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"processingGroup\":\"participant-directory\"}").with(as("operator")))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", "/api/audit/replays/participant-directory"))
                .andExpect(jsonPath("$.remaining").value(90));
        mvc.perform(get("/api/audit/replays/participant-directory").with(as("operator")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.etaSeconds").value(2));
        mvc.perform(post("/api/audit/replays").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"processingGroup\":\"participant-directory\"}").with(as("admin")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/audit/replays").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"processingGroup\":\"no spaces allowed\"}").with(as("operator")))
                .andExpect(status().isBadRequest());
    }
}
