package org.roundtable.server.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.StreamSupport;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.roundtable.kernel.ProblemType;
import org.roundtable.server.testsupport.ApplicationTest;

@DisplayName("The operator's tenants API")
class TenantsIT extends ApplicationTest {

    private static String tenant(String id) {
        return """
                {"id":"%s","name":"Agency %s","country":"NL","locale":"nl-NL","timeZone":"Europe/Amsterdam"}
                """.formatted(id, id);
    }

    @Test
    void the_operator_creates_a_tenant_which_then_appears_in_the_directory() {
        HttpResponse<String> created = postJson("/api/tenants", "operator", tenant("utrecht"));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValue("/api/tenants/utrecht");
        assertThat(created.headers().firstValue("ETag")).hasValue("\"0\"");
        assertThat(json(created).get("id").asText()).isEqualTo("utrecht");

        await("the tenant is in the directory", () -> get("/api/tenants/utrecht", "operator").statusCode() == 200);
        HttpResponse<String> read = get("/api/tenants/utrecht", "operator");
        JsonNode view = json(read);
        assertThat(view.get("name").asText()).isEqualTo("Agency utrecht");
        assertThat(view.get("country").asText()).isEqualTo("NL");
        assertThat(view.get("locale").asText()).isEqualTo("nl-NL");
        assertThat(view.get("timeZone").asText()).isEqualTo("Europe/Amsterdam");
        assertThat(view.get("createdAt").asText()).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");
        assertThat(read.headers().firstValue("ETag")).hasValue("\"0\"");
    }

    @Test
    void the_creation_event_records_who_did_it_for_which_tenant_and_in_which_request() {
        HttpResponse<String> created =
                postJson("/api/tenants", "operator", tenant("leiden"), "X-Correlation-Id", "corr-leiden-0001");
        assertThat(created.headers().firstValue("X-Correlation-Id")).hasValue("corr-leiden-0001");

        List<? extends DomainEventMessage<?>> history = events.readEvents("leiden", 0).asStream().toList();
        assertThat(history).hasSize(1);
        var metadata = history.get(0).getMetaData();
        assertThat(metadata).containsEntry("tenantId", "platform")
                .containsEntry("actorId", "operator")
                .containsEntry("actorRole", "operator")
                .containsEntry("correlationId", "corr-leiden-0001")
                .containsKey("traceId");
    }

    @Test
    void creating_an_existing_tenant_is_a_409_problem_and_adds_no_event() {
        assertThat(postJson("/api/tenants", "operator", tenant("gouda")).statusCode()).isEqualTo(201);
        long before = eventCount();

        HttpResponse<String> again = postJson("/api/tenants", "operator", tenant("gouda"));

        assertProblem(again, ProblemType.CONFLICT);
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void the_demo_tenants_exist_and_the_directory_is_paged() {
        await("the demo tenants are in the directory", () -> ids(json(get("/api/tenants?size=100", "operator")))
                .containsAll(List.of("darmstadt", "kent", "krefeld")));

        JsonNode first = json(get("/api/tenants?page=0&size=2", "operator"));
        JsonNode second = json(get("/api/tenants?page=1&size=2", "operator"));

        assertThat(first.get("items")).hasSize(2);
        assertThat(first.get("size").asInt()).isEqualTo(2);
        assertThat(first.get("totalItems").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(first.get("totalPages").asLong()).isEqualTo((first.get("totalItems").asLong() + 1) / 2);
        assertThat(ids(second)).doesNotContainAnyElementsOf(ids(first));
        assertThat(ids(first)).isSorted();
    }

    @Test
    void a_page_size_out_of_range_is_a_400_problem() {
        assertProblem(get("/api/tenants?size=1000", "operator"), ProblemType.VALIDATION);
        assertProblem(get("/api/tenants?page=abc", "operator"), ProblemType.BAD_REQUEST);
    }

    @Test
    void an_unknown_tenant_is_a_404_problem() {
        assertProblem(get("/api/tenants/atlantis", "operator"), ProblemType.NOT_FOUND);
    }

    @Test
    void invalid_fields_are_a_400_problem_listing_each_field_without_its_value() {
        long before = eventCount();

        HttpResponse<String> response = postJson("/api/tenants", "operator", """
                {"id":"Bad Id","name":"","country":"XX","locale":"english","timeZone":"Mars/Olympus"}
                """);

        assertProblem(response, ProblemType.VALIDATION);
        JsonNode errors = json(response).get("errors");
        assertThat(StreamSupport.stream(errors.spliterator(), false).map(error -> error.get("field").asText()))
                .containsExactlyInAnyOrder("id", "name", "country", "locale", "timeZone");
        assertThat(response.body()).doesNotContain("Mars/Olympus").doesNotContain("Bad Id");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void the_platform_tenant_is_reserved() {
        HttpResponse<String> response = postJson("/api/tenants", "operator", tenant("platform"));

        assertProblem(response, ProblemType.RULE_VIOLATION);
    }

    @Test
    void agency_roles_may_not_create_or_read_tenants() {
        long before = eventCount();
        for (String client : List.of("kent-admin", "krefeld-chair", "darmstadt-auditor")) {
            assertProblem(postJson("/api/tenants", client, tenant("sneaky")), ProblemType.FORBIDDEN);
            assertProblem(get("/api/tenants/kent", client), ProblemType.FORBIDDEN);
        }
        assertThat(eventCount()).isEqualTo(before);
    }

    private static List<String> ids(JsonNode page) {
        return StreamSupport.stream(page.get("items").spliterator(), false).map(item -> item.get("id").asText())
                .toList();
    }
}
