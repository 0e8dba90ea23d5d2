package org.roundtable.server.participants;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.roundtable.kernel.ProblemType;

@DisplayName("Who may read and write participants")
class ParticipantRolesIT extends ParticipantsApplicationTest {

    /** One request of the participants API; {@code body} is null for requests without one. */
    private record Call(String method, String path, String body, String... headers) {

        boolean write() {
            return !method.equals("GET");
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private String id;
    private String etag;
    private List<Call> calls;

    @BeforeEach
    void a_kent_participant_with_a_photo_consent() {
        id = register("kent-staff", """
                {"fullName":"Roles %s","birthYear":2001,"town":"Dover",
                 "consents":[{"purpose":"photos","givenBy":"self"}]}""".formatted(capitalized(letters(8))));
        etag = etag(get(participant(id), "kent-staff"));
        calls = List.of(
                new Call("GET", PARTICIPANTS, null),
                new Call("GET", participant(id), null),
                new Call("GET", participant(id) + "/export", null),
                new Call("GET", "/api/reach-groups", null),
                new Call("POST", PARTICIPANTS, "{\"fullName\":\"Not Registered\",\"birthYear\":1999}"),
                new Call("PATCH", participant(id), "{\"town\":\"Margate\"}", "If-Match", etag),
                new Call("POST", participant(id) + "/consents", "{\"purpose\":\"newsletter\",\"givenBy\":\"self\"}"),
                new Call("DELETE", participant(id) + "/consents/photos", null),
                new Call("POST", participant(id) + "/erasure", "{\"reason\":\"not allowed\"}"),
                new Call("POST", "/api/reach-groups", "{\"code\":\"" + "never-" + letters(8) + "\",\"label\":\"Never\"}"));
    }

    private HttpResponse<String> call(Call call, String client) {
        HttpRequest.Builder builder = client == null ? request(call.path()) : request(call.path(), client);
        if (call.body() == null) {
            builder.method(call.method(), HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", "application/json")
                    .method(call.method(), HttpRequest.BodyPublishers.ofString(call.body()));
        }
        for (int i = 0; i + 1 < call.headers().length; i += 2) {
            builder.header(call.headers()[i], call.headers()[i + 1]);
        }
        return send(builder.build());
    }

    @Test
    void an_auditor_reads_everything_but_every_write_is_a_403_problem_that_changes_nothing() {
        long before = eventCount();

        for (Call call : calls) {
            HttpResponse<String> response = call(call, "kent-auditor");
            if (call.write()) {
                assertProblem(response, ProblemType.FORBIDDEN);
            } else {
                assertThat(response.statusCode()).as(call + ": " + response.body()).isEqualTo(200);
            }
        }

        assertThat(eventCount()).isEqualTo(before);
        assertThat(etag(get(participant(id), "kent-staff"))).isEqualTo(etag);
    }

    @Test
    void the_platform_operator_never_sees_participants_and_every_call_is_a_403_problem() {
        long before = eventCount();

        for (Call call : calls) {
            assertProblem(call(call, "operator"), ProblemType.FORBIDDEN);
        }

        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void without_a_token_every_call_is_a_401_problem() {
        long before = eventCount();

        for (Call call : calls) {
            HttpResponse<String> response = call(call, null);
            assertProblem(response, ProblemType.UNAUTHENTICATED);
            assertThat(response.headers().firstValue("WWW-Authenticate")).as(call.toString()).isPresent();
        }

        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void only_an_admin_defines_reach_groups_and_an_admin_may_register_participants_too() {
        long before = eventCount();

        assertProblem(postJson("/api/reach-groups", "kent-staff", "{\"code\":\"staff-" + letters(8)
                + "\",\"label\":\"Staff made\"}"), ProblemType.FORBIDDEN);

        assertThat(eventCount()).isEqualTo(before);
        registerSomeone("kent-admin", "Dover");
    }
}
