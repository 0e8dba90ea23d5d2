package org.roundtable.participants.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.roundtable.participants.web.ParticipantControllerTest.as;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentMatchers;
import org.roundtable.participants.api.DefineReachGroup;
import org.roundtable.participants.api.FindReachGroup;
import org.roundtable.participants.api.FindReachGroups;
import org.roundtable.participants.api.ReachGroupView;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(controllers = ReachGroupController.class, properties = "roundtable.participants.read-model-wait=200ms")
@Import({ReadModelAwait.class, ParticipantsWebConfiguration.class,
        WebSliceTestApplication.ServerStandIn.class, WebSliceTestApplication.DomainExceptionStatus.class})
class ReachGroupControllerTest {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    CommandGateway commands;
    @MockitoBean
    QueryGateway queries;

    void catalogueAnswers(Optional<ReachGroupView> first, Optional<ReachGroupView> then) {
        when(queries.query(any(FindReachGroup.class), ArgumentMatchers.<ResponseType<Optional<ReachGroupView>>>any()))
                .thenReturn(CompletableFuture.completedFuture(first), CompletableFuture.completedFuture(then));
    }

    @Test
    void should_let_an_admin_define_a_reach_group_for_their_own_tenant() throws Exception {
        catalogueAnswers(Optional.empty(), Optional.of(new ReachGroupView("roma-community", "Roma community")));

        mvc.perform(post("/api/reach-groups").with(as("admin")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\": \"roma-community\", \"label\": \"Roma community\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/reach-groups/roma-community"))
                .andExpect(jsonPath("$.code").value("roma-community"))
                .andExpect(jsonPath("$.label").value("Roma community"));
        verify(commands).sendAndWait(new DefineReachGroup("kent:roma-community", "roma-community", "Roma community"));
    }

    @Test
    void should_answer_409_for_a_code_the_tenant_already_defined() throws Exception {
        catalogueAnswers(Optional.of(new ReachGroupView("local", "Local")), Optional.empty());

        mvc.perform(post("/api/reach-groups").with(as("admin")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\": \"local\", \"label\": \"Local citizens\"}"))
                .andExpect(status().isConflict());
        verifyNoInteractions(commands);
    }

    @Test
    void should_not_let_staff_define_reach_groups() throws Exception {
        mvc.perform(post("/api/reach-groups").with(as("staff")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\": \"local\", \"label\": \"Local citizens\"}"))
                .andExpect(status().isForbidden());
        verifyNoInteractions(commands);
    }

    @Test
    void should_list_the_callers_reach_groups_to_an_auditor() throws Exception {
        when(queries.query(any(FindReachGroups.class), ArgumentMatchers.<ResponseType<List<ReachGroupView>>>any()))
                .thenReturn(CompletableFuture.completedFuture(List.of(new ReachGroupView("local", "Local citizens"))));

        mvc.perform(get("/api/reach-groups").with(as("auditor")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].code").value("local"))
                .andExpect(jsonPath("$.items[0].label").value("Local citizens"));
        verify(queries).query(ArgumentMatchers.eq(new FindReachGroups("kent")),
                ArgumentMatchers.<ResponseType<List<ReachGroupView>>>any());
    }

    @Test
    void should_not_list_reach_groups_to_the_platform_operator() throws Exception {
        mvc.perform(get("/api/reach-groups").with(as("operator"))).andExpect(status().isForbidden());
    }
}
