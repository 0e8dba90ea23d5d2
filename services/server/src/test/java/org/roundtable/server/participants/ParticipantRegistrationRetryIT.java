package org.roundtable.server.participants;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.roundtable.kernel.ProblemType;
import org.roundtable.participants.api.ParticipantRegistered;

@DisplayName("Registering the same person again: retries and duplicate ids")
class ParticipantRegistrationRetryIT extends ParticipantsApplicationTest {

    @Test
    void a_retry_with_the_same_idempotency_key_answers_the_first_answer_and_registers_once() {
        String key = "register-" + letters(12);
        String body = """
                {"fullName":"Retry %s","birthYear":1985,"town":"Margate",
                 "consents":[{"purpose":"programme-records","givenBy":"self"}]}""".formatted(capitalized(letters(8)));
        long registeredBefore = eventsOfType(ParticipantRegistered.class);

        HttpResponse<String> first = postJson(PARTICIPANTS, "kent-staff", body, "Idempotency-Key", key);
        HttpResponse<String> retry = postJson(PARTICIPANTS, "kent-staff", body, "Idempotency-Key", key);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
        assertThat(retry.headers().firstValue("ETag")).isEqualTo(first.headers().firstValue("ETag"));
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        String id = json(first).get("id").asText();
        assertThat(first.headers().firstValue("Location")).hasValue("/api/participants/" + id);
        assertThat(eventsOfType(ParticipantRegistered.class)).isEqualTo(registeredBefore + 1);
        assertThat(historyTypes(id)).containsExactly("ParticipantRegistered", "ConsentGiven");
    }

    @Test
    void the_same_key_used_by_another_agency_registers_its_own_participant() {
        String key = "register-" + letters(12);
        String body = "{\"fullName\":\"Shared Key\",\"birthYear\":1970}";

        HttpResponse<String> kent = postJson(PARTICIPANTS, "kent-staff", body, "Idempotency-Key", key);
        HttpResponse<String> darmstadt = postJson(PARTICIPANTS, "darmstadt-staff", body, "Idempotency-Key", key);

        assertThat(kent.statusCode()).isEqualTo(201);
        assertThat(darmstadt.statusCode()).isEqualTo(201);
        assertThat(darmstadt.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(json(darmstadt).get("id").asText()).isNotEqualTo(json(kent).get("id").asText());
        assertThat(get(participant(json(darmstadt).get("id").asText()), "darmstadt-staff").statusCode()).isEqualTo(200);
    }

    @Test
    void registering_a_client_supplied_id_twice_without_a_key_is_a_409_problem_that_changes_nothing() {
        String id = randomId();
        String body = "{\"id\":\"%s\",\"fullName\":\"Twice %s\",\"birthYear\":1992}"
                .formatted(id, capitalized(letters(8)));
        HttpResponse<String> first = postJson(PARTICIPANTS, "kent-staff", body);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        String etagBefore = etag(get(participant(id), "kent-staff"));
        long eventsBefore = eventCount();
        try {
            HttpResponse<String> again = postJson(PARTICIPANTS, "kent-staff",
                    body.replace("Twice", "Overwritten"));

            assertProblem(again, ProblemType.CONFLICT);
            assertThat(eventCount()).isEqualTo(eventsBefore);
            assertThat(historyTypes(id)).containsExactly("ParticipantRegistered");
            HttpResponse<String> after = get(participant(id), "kent-staff");
            assertThat(etag(after)).isEqualTo(etagBefore);
            assertThat(json(after).get("fullName").asText()).startsWith("Twice ");
        } finally {
            awaitReadersPassedRefusedAppends();
        }
    }

    @Test
    @DisplayName("after a registration refused as a duplicate, the next registration can be read at once")
    void a_refused_duplicate_registration_does_not_hold_back_later_writes() {
        String taken = registerSomeone("kent-staff", "Dover");
        try {
            assertProblem(postJson(PARTICIPANTS, "kent-staff",
                    "{\"id\":\"%s\",\"fullName\":\"Duplicate\",\"birthYear\":1992}".formatted(taken)),
                    ProblemType.CONFLICT);

            HttpResponse<String> next = postJson(PARTICIPANTS, "kent-staff",
                    "{\"fullName\":\"Next %s\",\"birthYear\":1993}".formatted(capitalized(letters(8))));
            assertThat(next.statusCode()).as(next.body()).isEqualTo(201);

            HttpResponse<String> read = get(next.headers().firstValue("Location").orElseThrow(), "kent-staff");
            assertThat(read.statusCode()).as("read-your-writes right after the 201").isEqualTo(200);
        } finally {
            awaitReadersPassedRefusedAppends();
        }
    }
}
