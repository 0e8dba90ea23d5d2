package org.roundtable.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.roundtable.server.testsupport.ApplicationTest;

@DisplayName("Operational endpoints")
class OperationsIT extends ApplicationTest {

    @Test
    void health_and_its_probes_are_public() {
        for (String path : new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
            HttpResponse<String> response = send(request(path).GET().build());

            assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
            assertThat(json(response).get("status").asText()).isEqualTo("UP");
        }
    }

    @Test
    void prometheus_shows_axon_command_metrics_after_a_command() {
        postJson("/api/tenants", "operator", """
                {"id":"salzburg","name":"Salzburg","country":"AT","locale":"de-AT","timeZone":"Europe/Vienna"}""");

        HttpResponse<String> response = send(request("/actuator/prometheus").GET().build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).containsPattern("(?m)^commandBus_\\w+\\{[^}]*payloadType=\"CreateTenant\"");
    }

    @Test
    void other_actuator_endpoints_are_closed() {
        assertThat(send(request("/actuator/env").GET().build()).statusCode()).isIn(401, 403, 404);
        assertThat(send(request("/actuator/beans", "operator").GET().build()).statusCode()).isIn(403, 404);
    }

    @Test
    void the_openapi_document_is_public_and_declares_bearer_tokens() {
        HttpResponse<String> response = send(request("/v3/api-docs").GET().build());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode document = json(response);
        assertThat(document.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
        assertThat(document.at("/paths").has("/api/tenants")).isTrue();
        // the caller comes from the token: no operation may take it, or a tenant, as a parameter
        document.get("paths").forEach(path -> path.forEach(operation -> operation.path("parameters")
                .forEach(parameter -> assertThat(parameter.get("name").asText())
                        .isNotIn("caller", "tenantId", "tenant", "actorId"))));
    }
}
