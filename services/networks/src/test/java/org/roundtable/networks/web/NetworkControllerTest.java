package org.roundtable.networks.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
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

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.roundtable.kernel.Caller;
import org.roundtable.kernel.TenantId;
import org.roundtable.networks.api.ProgressActionItem;
import org.roundtable.networks.api.ScheduleMeeting;
import org.roundtable.networks.query.NetworkRecordProjection;
import org.roundtable.networks.query.NetworkYear;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The controller with the real MVC stack and method security over the real network record (embedded
 * MongoDB, real query handlers) holding a year of the Arbeitskreis; only the command bus is a mock.
 */
@WebMvcTest(controllers = NetworkController.class, properties = "roundtable.networks.read-model-wait=200ms")
@Import({NetworkRecordAwait.class, NetworksWebConfiguration.class, NetworkControllerTest.RecordOverEmbeddedMongo.class,
        WebSliceTestApplication.ServerStandIn.class, WebSliceTestApplication.DomainExceptionStatus.class})
class NetworkControllerTest {

    static final String NET = "/api/networks/" + NetworkYear.NET;
    static MongoServer server;
    static MongoClient client;

    @Autowired
    MockMvc mvc;
    @Autowired
    NetworkRecordProjection projection;
    @MockitoBean
    CommandGateway commands;

    @BeforeAll
    static void startMongo() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
    }

    @AfterAll
    static void stopMongo() {
        client.close();
        server.shutdown();
    }

    @TestConfiguration
    static class RecordOverEmbeddedMongo {

        @Bean
        MongoTemplate mongoTemplate() {
            return new MongoTemplate(client, "network-slice-" + UUID.randomUUID());
        }

        @Bean
        NetworkRecordProjection networkRecordProjection(MongoTemplate mongo) {
            return new NetworkRecordProjection(mongo);
        }

        @Bean
        QueryGateway queryGateway(NetworkRecordProjection projection) {
            SimpleQueryBus bus = SimpleQueryBus.builder().build();
            new AnnotationQueryHandlerAdapter<>(projection).subscribe(bus);
            return DefaultQueryGateway.builder().queryBus(bus).build();
        }
    }

    @BeforeEach
    void recordHoldsAYear() throws Exception {
        AnnotationEventHandlerAdapter handler = new AnnotationEventHandlerAdapter(projection);
        for (EventMessage<?> message : new NetworkYear().messages) {
            handler.handle(message);
        }
    }

    static RequestPostProcessor as(String tenant, String role) {
        Caller caller = new Caller(new TenantId(tenant), tenant + "-" + role, Set.of(role));
        return authentication(new TestingAuthenticationToken(caller, null, "ROLE_" + role));
    }

    static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    /** Every endpoint of one network, each with a valid request. */
    static List<MockHttpServletRequestBuilder> everyNetworkEndpoint() {
        return List.of(
                get(NET),
                get(NET + "/meetings/m1"),
                get(NET + "/action-items/overdue"),
                get(NET + "/quarters/2023-Q4").accept(MediaType.APPLICATION_JSON),
                get(NET + "/quarters/2023-Q4").accept("text/csv"),
                json(post(NET + "/members"), "{\"tenantId\": \"kent\", \"role\": \"guest\"}"),
                json(put(NET + "/members/" + NetworkYear.P + "/role"), "{\"role\": \"police\"}"),
                json(post(NET + "/members/" + NetworkYear.P + "/departure"), "{}"),
                json(post(NET + "/meetings"), "{\"date\": \"2024-09-12\", \"place\": \"Rathaus\"}"),
                json(post(NET + "/meetings/m4/held"), "{\"present\": [\"krefeld\"]}"),
                json(put(NET + "/meetings/m4/minutes"), "{\"text\": \"Minutes\"}"),
                post(NET + "/meetings/m4/minutes/approval"),
                json(post(NET + "/meetings/m1/minutes/amendments"), "{\"text\": \"Correction\"}"),
                json(post(NET + "/meetings/m4/decisions"), "{\"agendaItemId\": \"1\", \"text\": \"Decided\"}"),
                json(post(NET + "/meetings/m4/action-items"),
                        "{\"description\": \"Do it\", \"ownerMemberId\": \"krefeld\", \"dueOn\": \"2024-09-30\"}"),
                json(post(NET + "/action-items/i4/progress"), "{\"status\": \"DONE\", \"note\": \"done\"}"),
                json(post(NET + "/figures"), "{\"quarter\": \"2024-Q2\", \"programmeId\": \"integrated-communities\"}"),
                json(post(NET + "/quarters/2024-Q2/review"), "{\"summary\": \"Fine\"}"));
    }

    @Test
    void should_answer_404_to_kent_staff_on_every_endpoint_of_a_network_kent_never_joined() throws Exception {
        for (MockHttpServletRequestBuilder request : everyNetworkEndpoint()) {
            mvc.perform(request.with(as("kent", "staff"))).andExpect(status().isNotFound());
        }
        verifyNoInteractions(commands);
    }

    @Test
    void should_answer_404_to_kent_admin_and_auditor_too() throws Exception {
        for (String role : List.of("admin", "auditor", "chair")) {
            for (MockHttpServletRequestBuilder request : everyNetworkEndpoint()) {
                mvc.perform(request.with(as("kent", role))).andExpect(status().isNotFound());
            }
        }
        verifyNoInteractions(commands);
    }

    @Test
    void should_list_no_networks_for_a_tenant_that_belongs_to_none() throws Exception {
        mvc.perform(get("/api/networks").with(as("kent", "staff")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items").isEmpty());
    }

    @Test
    void should_not_let_the_platform_operator_read_a_network() throws Exception {
        mvc.perform(get(NET).with(as("platform", "operator"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/networks").with(as("platform", "operator"))).andExpect(status().isForbidden());
    }

    @Test
    void should_show_the_network_to_member_staff_with_its_version_as_etag() throws Exception {
        mvc.perform(get(NET).with(as("krefeld", "staff")))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"40\""))
                .andExpect(jsonPath("$.name").value("Arbeitskreis Südosteuropa"))
                .andExpect(jsonPath("$.members.length()").value(8))
                .andExpect(jsonPath("$.meetings.length()").value(4));
        mvc.perform(get("/api/networks").with(as("krefeld", "auditor")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].networkId").value(NetworkYear.NET))
                .andExpect(jsonPath("$.items[0].member").value(true));
    }

    @Test
    void should_show_a_former_member_the_record_as_of_its_leaving() throws Exception {
        mvc.perform(get(NET).with(as("darmstadt", "auditor")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.asOfLeaving").value("2024-04-10"))
                .andExpect(jsonPath("$.meetings.length()").value(3));
        mvc.perform(get(NET + "/meetings/m4").with(as("darmstadt", "staff"))).andExpect(status().isNotFound());
    }

    @Test
    void should_not_let_a_member_auditor_write() throws Exception {
        mvc.perform(json(post(NET + "/meetings"), "{\"date\": \"2024-09-12\", \"place\": \"Rathaus\"}")
                        .with(as("krefeld", "auditor")))
                .andExpect(status().isForbidden());
        mvc.perform(json(post(NET + "/members"), "{\"tenantId\": \"kent\", \"role\": \"guest\"}")
                        .with(as("krefeld", "chair")))
                .andExpect(status().isForbidden());
        verifyNoInteractions(commands);
    }

    @Test
    void should_schedule_a_meeting_for_the_chair_and_answer_201_with_location_and_etag() throws Exception {
        when(commands.<Long>sendAndWait(any(ScheduleMeeting.class))).thenReturn(40L);

        mvc.perform(json(post(NET + "/meetings"), """
                        {"id": "0e6f1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b", "date": "2024-09-12", "place": "Rathaus",
                         "agenda": ["Planning 2025"]}""").with(as("krefeld", "chair")))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", NET + "/meetings/0e6f1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b"))
                .andExpect(header().string("ETag", "\"40\""))
                .andExpect(jsonPath("$.id").value("0e6f1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b"));
        ArgumentCaptor<ScheduleMeeting> sent = ArgumentCaptor.forClass(ScheduleMeeting.class);
        verify(commands).sendAndWait(sent.capture());
        assertThat(sent.getValue().networkId()).isEqualTo(NetworkYear.NET);
        assertThat(sent.getValue().agenda()).containsExactly("Planning 2025");
    }

    @Test
    void should_let_the_owners_staff_report_progress() throws Exception {
        when(commands.<Long>sendAndWait(any(ProgressActionItem.class))).thenReturn(40L);
        mvc.perform(json(post(NET + "/action-items/i4/progress"), "{\"status\": \"IN_PROGRESS\", \"note\": \"asked\"}")
                        .with(as("krefeld", "staff")))
                .andExpect(status().isNoContent())
                .andExpect(header().string("ETag", "\"40\""));
        verify(commands).sendAndWait(new ProgressActionItem(NetworkYear.NET, "i4",
                org.roundtable.networks.api.ActionItemStatus.IN_PROGRESS, "asked"));
    }

    @Test
    void should_serve_the_quarter_view_as_json_and_as_csv() throws Exception {
        mvc.perform(get(NET + "/quarters/2023-Q4").with(as("krefeld", "chair")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.quarter").value("2023-Q4"))
                .andExpect(jsonPath("$.totals.peopleReached").value(269))
                .andExpect(jsonPath("$.review.ledgerPosition").value(1029));

        String csv = mvc.perform(get(NET + "/quarters/2023-Q4").accept("text/csv").with(as("krefeld", "chair")))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).startsWith("section,quarter,meeting_id,date,member_id,member");
        assertThat(lines).contains("meeting,2023-Q4,m2,2023-12-07,,,,HELD,,,,,,,,,,,,,,,,Rathaus");
        assertThat(lines).filteredOn(line -> line.startsWith("attendance,")).hasSize(8);
        assertThat(lines).filteredOn(line -> line.startsWith("total,"))
                .containsExactly("total,2023-Q4,,,,,,,,,,,,,,,,,269,false,64,5,,");
    }

    @Test
    void should_refuse_a_malformed_quarter() throws Exception {
        mvc.perform(get(NET + "/quarters/2023-Q5").with(as("krefeld", "chair"))).andExpect(status().isBadRequest());
    }
}
