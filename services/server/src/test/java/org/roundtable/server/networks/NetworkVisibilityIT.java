package org.roundtable.server.networks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.roundtable.kernel.ProblemType;
import org.roundtable.networks.api.Quarter;

@DisplayName("Who sees a network")
class NetworkVisibilityIT extends NetworksApplicationTest {

    private static final List<String> KENT = List.of("kent-staff", "kent-admin", "kent-auditor");

    /** One request of the networks API; {@code body} is null for requests without one. */
    private record Call(String method, String path, Object body, String accept) {

        boolean write() {
            return !method.equals("GET");
        }

        @Override
        public String toString() {
            return method + " " + path + (accept == null ? "" : " (" + accept + ")");
        }
    }

    /** Every endpoint of one network, on {@code networkId} with the small network's meeting, members and items. */
    private static List<Call> calls(SmallNetwork n, String networkId) {
        String net = network(networkId);
        String meeting = meeting(networkId, n.meetingId());
        String quarter = Quarter.of(today()).toString();
        return List.of(
                new Call("GET", net, null, null),
                new Call("GET", meeting, null, null),
                new Call("GET", net + "/action-items/overdue", null, null),
                new Call("GET", net + "/quarters/" + quarter, null, "application/json"),
                new Call("GET", net + "/quarters/" + quarter, null, "text/csv"),
                new Call("POST", net + "/members", body("tenantId", "kent", "role", "council"), null),
                new Call("PUT", net + "/members/" + n.police() + "/role", body("role", "police headquarters"), null),
                new Call("POST", net + "/members/" + n.police() + "/departure", body("reason", "not needed"), null),
                new Call("POST", net + "/meetings", body("date", today().toString(), "place", "Rathaus",
                        "agenda", List.of("Anything")), null),
                new Call("POST", meeting + "/held", body("present", List.of("krefeld")), null),
                new Call("PUT", meeting + "/minutes", body("text", "Other minutes"), null),
                new Call("POST", meeting + "/minutes/approval", null, null),
                new Call("POST", meeting + "/minutes/amendments", body("text", "An amendment"), null),
                new Call("POST", meeting + "/decisions", body("agendaItemId", "1", "text", "Another decision"), null),
                new Call("POST", meeting + "/action-items", body("description", "Another item",
                        "ownerMemberId", "darmstadt", "dueOn", today().plusDays(10).toString()), null),
                new Call("POST", net + "/action-items/" + n.darmstadtItem() + "/progress",
                        body("status", "DONE", "note", "finished"), null),
                new Call("POST", net + "/figures", body("quarter", quarter, "programmeId", randomId()), null),
                new Call("POST", net + "/quarters/" + quarter + "/review", body("summary", "A quarter"), null));
    }

    private HttpResponse<String> call(Call call, String client) {
        HttpRequest.Builder builder = request(call.path(), client);
        if (call.body() == null) {
            builder.method(call.method(), HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", "application/json")
                    .method(call.method(), HttpRequest.BodyPublishers.ofString(toJson(call.body())));
        }
        if (call.accept() != null) {
            builder.header("Accept", call.accept());
        }
        return send(builder.build());
    }

    @Test
    void another_agency_gets_the_same_404_on_every_endpoint_as_for_a_network_that_does_not_exist() {
        SmallNetwork n = smallNetwork();
        List<Call> real = calls(n, n.id());
        List<Call> missing = calls(n, randomId());
        long before = eventCount();

        for (String client : KENT) {
            for (int i = 0; i < real.size(); i++) {
                HttpResponse<String> answer = call(real.get(i), client);
                HttpResponse<String> missingAnswer = call(missing.get(i), client);
                assertProblem(answer, ProblemType.NOT_FOUND);
                assertProblem(missingAnswer, ProblemType.NOT_FOUND);
                assertThat(problemWithoutInstance(answer)).as(client + " " + real.get(i))
                        .isEqualTo(problemWithoutInstance(missingAnswer));
            }
            JsonNode list = getJson(NETWORKS, client);
            assertThat(texts(list.get("items"), "networkId")).as(client).doesNotContain(n.id());
        }

        assertThat(eventCount()).isEqualTo(before);
        // the record is unchanged for its members
        assertThat(getJson(network(n.id()), "darmstadt-staff").get("members")).hasSize(3);
    }

    @Test
    void the_platform_operator_is_refused_every_network_endpoint_with_a_403_problem() {
        SmallNetwork n = smallNetwork();
        long before = eventCount();

        for (Call call : calls(n, n.id())) {
            assertProblem(call(call, "operator"), ProblemType.FORBIDDEN);
        }
        assertProblem(call(new Call("GET", NETWORKS, null, null), "operator"), ProblemType.FORBIDDEN);
        assertProblem(call(new Call("POST", NETWORKS, body("name", "Operator's network",
                "foundedOn", today().toString()), null), "operator"), ProblemType.FORBIDDEN);

        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void a_member_reads_the_record_and_after_leaving_reads_it_as_of_its_leaving_and_writes_nothing() {
        LocalDate today = today();
        SmallNetwork n = smallNetwork();
        for (Call call : calls(n, n.id())) {
            if (!call.write()) {
                assertThat(call(call, "darmstadt-auditor").statusCode()).as(call.toString()).isEqualTo(200);
            }
        }
        assertThat(texts(getJson(NETWORKS, "darmstadt-staff").get("items"), "networkId")).contains(n.id());

        accepted(post(network(n.id()) + "/members/darmstadt/departure", "darmstadt-admin",
                body("reason", "the project ended")));
        TrackedEventMessage<?> left = lastEvent(n.id(), ofType("MemberLeft"));

        // the chair carries on after darmstadt has left
        String later = schedule(n.id(), today, "Rathaus", List.of("Next steps"));
        String laterDecision = decide(n.id(), n.meetingId(), "1", "Recorded after darmstadt left");

        HttpResponse<String> asLeft = get(network(n.id()), "darmstadt-staff");
        assertThat(asLeft.statusCode()).as(asLeft.body()).isEqualTo(200);
        JsonNode record = json(asLeft);
        assertThat(record.get("asOfLeaving").asText()).isEqualTo(today.toString());
        assertThat(record.get("version").asLong()).isEqualTo(sequence(left));
        assertThat(asLeft.headers().firstValue("ETag")).hasValue("\"" + sequence(left) + "\"");
        assertThat(texts(record.get("meetings"), "meetingId")).containsExactly(n.meetingId());
        JsonNode darmstadt = elements(record.get("members")).stream()
                .filter(member -> member.get("memberId").asText().equals("darmstadt")).findFirst().orElseThrow();
        assertThat(darmstadt.get("active").asBoolean()).isFalse();
        assertThat(darmstadt.get("leftOn").asText()).isEqualTo(today.toString());

        JsonNode current = getJson(network(n.id()), "krefeld-staff");
        assertThat(current.get("asOfLeaving").isNull()).isTrue();
        assertThat(current.get("version").asLong()).isGreaterThan(sequence(left));
        assertThat(texts(current.get("meetings"), "meetingId")).containsExactlyInAnyOrder(n.meetingId(), later);

        assertThat(texts(getJson(meeting(n.id(), n.meetingId()), "darmstadt-staff").get("decisions"), "decisionId"))
                .containsExactly(n.decisionId());
        assertThat(texts(getJson(meeting(n.id(), n.meetingId()), "krefeld-staff").get("decisions"), "decisionId"))
                .containsExactly(n.decisionId(), laterDecision);
        assertProblem(get(meeting(n.id(), later), "darmstadt-staff"), ProblemType.NOT_FOUND);

        JsonNode listed = elements(getJson(NETWORKS, "darmstadt-auditor").get("items")).stream()
                .filter(item -> item.get("networkId").asText().equals(n.id())).findFirst().orElseThrow();
        assertThat(listed.get("member").asBoolean()).isFalse();
        assertThat(listed.get("leftOn").asText()).isEqualTo(today.toString());
        for (Call call : calls(n, n.id())) {
            if (!call.write()) {
                assertThat(call(call, "darmstadt-auditor").statusCode()).as(call.toString()).isEqualTo(200);
            }
        }

        // a former member writes nothing, whatever its role: always 403
        long before = eventCount();
        for (String client : List.of("darmstadt-admin", "darmstadt-staff", "darmstadt-auditor")) {
            for (Call call : calls(n, n.id())) {
                if (call.write()) {
                    assertProblem(call(call, client), ProblemType.FORBIDDEN);
                }
            }
        }
        assertThat(eventCount()).isEqualTo(before);
    }
}
