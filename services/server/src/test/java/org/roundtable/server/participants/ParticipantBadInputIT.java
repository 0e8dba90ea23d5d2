package org.roundtable.server.participants;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.roundtable.kernel.ProblemType;

/**
 * Every refused request answers a problem and leaves nothing in the ledger. Bodies carry a distinctive
 * name so a problem that quotes the request would show it.
 */
@DisplayName("Bad input to the participants API")
class ParticipantBadInputIT extends ParticipantsApplicationTest {

    private static final String NAME = "Zora Quellbad";
    private static final String REACH_GROUP = "bad-input-" + letters(8);
    // made once for the class: no test here may change it, and each checks that none did
    private static String id;
    private static String etag;

    private long eventsBefore;

    @BeforeEach
    void a_participant_without_guardian_or_special_category_consent() {
        if (id == null) {
            defineReachGroup("kent-admin", REACH_GROUP, "Defined for bad input");
            id = register("kent-staff", """
                    {"fullName":"%s","birthYear":1995,"town":"Dover",
                     "consents":[{"purpose":"programme-records","givenBy":"self"}]}""".formatted(NAME));
            etag = etag(get(participant(id), "kent-staff"));
        }
        eventsBefore = eventCount();
    }

    static Stream<Arguments> registrations() {
        return Stream.of(
                Arguments.of("a missing fullName", "{\"birthYear\":1990}", ProblemType.VALIDATION),
                Arguments.of("a blank fullName", "{\"fullName\":\"  \",\"birthYear\":1990}", ProblemType.VALIDATION),
                Arguments.of("a country code that is not upper case alpha-2",
                        "{\"fullName\":\"" + NAME + "\",\"birthYear\":1990,\"countryOfOrigin\":\"svk\"}",
                        ProblemType.VALIDATION),
                Arguments.of("a well-formed country code that is no country",
                        "{\"fullName\":\"" + NAME + "\",\"birthYear\":1990,\"countryOfOrigin\":\"XX\"}",
                        ProblemType.RULE_VIOLATION),
                Arguments.of("a language that is no ISO 639 code",
                        "{\"fullName\":\"" + NAME + "\",\"birthYear\":1990,\"languages\":[\"zzz\"]}",
                        ProblemType.RULE_VIOLATION),
                Arguments.of("an unknown property",
                        "{\"fullName\":\"" + NAME + "\",\"birthYear\":1990,\"tenantId\":\"darmstadt\"}",
                        ProblemType.BAD_REQUEST),
                Arguments.of("malformed JSON", "{\"fullName\":\"" + NAME + "\",\"birthYear\":", ProblemType.BAD_REQUEST),
                Arguments.of("a value of the wrong type",
                        "{\"fullName\":\"" + NAME + "\",\"birthYear\":\"nineteen-ninety\"}", ProblemType.BAD_REQUEST),
                Arguments.of("neither birth date nor birth year", "{\"fullName\":\"" + NAME + "\"}",
                        ProblemType.RULE_VIOLATION),
                Arguments.of("a birth date in the future",
                        "{\"fullName\":\"" + NAME + "\",\"birthDate\":\"2999-01-01\"}", ProblemType.VALIDATION),
                Arguments.of("a birth year that contradicts the birth date",
                        "{\"fullName\":\"" + NAME + "\",\"birthDate\":\"2001-05-06\",\"birthYear\":2002}",
                        ProblemType.RULE_VIOLATION),
                Arguments.of("a reach group without special-category consent",
                        "{\"fullName\":\"" + NAME + "\",\"birthYear\":1990,\"reachGroups\":[\"" + REACH_GROUP + "\"],"
                                + "\"consents\":[{\"purpose\":\"photos\",\"givenBy\":\"self\"}]}",
                        ProblemType.RULE_VIOLATION),
                Arguments.of("a reach group the agency never defined",
                        "{\"fullName\":\"" + NAME + "\",\"birthYear\":1990,\"reachGroups\":[\"never-defined-here\"],"
                                + "\"consents\":[{\"purpose\":\"special-category\",\"givenBy\":\"self\"}]}",
                        ProblemType.RULE_VIOLATION),
                Arguments.of("consent given by a guardian for someone without one",
                        "{\"fullName\":\"" + NAME + "\",\"birthYear\":2019,"
                                + "\"consents\":[{\"purpose\":\"photos\",\"givenBy\":\"guardian\"}]}",
                        ProblemType.RULE_VIOLATION),
                Arguments.of("consent given by someone who is neither self nor guardian",
                        "{\"fullName\":\"" + NAME + "\",\"birthYear\":2019,"
                                + "\"consents\":[{\"purpose\":\"photos\",\"givenBy\":\"neighbour\"}]}",
                        ProblemType.VALIDATION),
                Arguments.of("the same consent purpose twice",
                        "{\"fullName\":\"" + NAME + "\",\"birthYear\":2019,\"consents\":["
                                + "{\"purpose\":\"photos\",\"givenBy\":\"self\"},{\"purpose\":\"photos\",\"givenBy\":\"self\"}]}",
                        ProblemType.RULE_VIOLATION),
                Arguments.of("a guardian who is not registered",
                        "{\"fullName\":\"" + NAME + "\",\"birthYear\":2019,"
                                + "\"guardianId\":\"0b5e4b7e-4f5d-4c1e-9a3b-7d1f1f0c2a11\"}",
                        ProblemType.RULE_VIOLATION),
                Arguments.of("a guardian id that is no UUID",
                        "{\"fullName\":\"" + NAME + "\",\"birthYear\":2019,\"guardianId\":\"mum\"}",
                        ProblemType.BAD_REQUEST));
    }

    @ParameterizedTest(name = "registering with {0} is a {2} problem")
    @MethodSource("registrations")
    void a_refused_registration_is_a_problem_and_writes_nothing(String what, String body, ProblemType expected) {
        HttpResponse<String> response = postJson(PARTICIPANTS, "kent-staff", body);

        assertProblem(response, expected);
        assertThat(response.body()).doesNotContain(NAME);
        assertThat(eventCount()).isEqualTo(eventsBefore);
    }

    @Test
    void a_validation_problem_names_each_invalid_field() {
        HttpResponse<String> response = postJson(PARTICIPANTS, "kent-staff", """
                {"birthYear":1850,"countryOfOrigin":"svk","languages":["EN"],"gender":""}""");

        assertProblem(response, ProblemType.VALIDATION);
        JsonNode errors = json(response).get("errors");
        assertThat(errors.findValuesAsText("field")).contains("fullName", "birthYear", "countryOfOrigin", "gender")
                .anySatisfy(field -> assertThat(field).startsWith("languages"));
        assertThat(eventCount()).isEqualTo(eventsBefore);
    }

    static Stream<Arguments> corrections() {
        return Stream.of(
                Arguments.of("a blank fullName", "{\"fullName\":\"\"}", ProblemType.VALIDATION),
                Arguments.of("fullName removed", "{\"fullName\":null}", ProblemType.VALIDATION),
                Arguments.of("birth year removed", "{\"birthYear\":null}", ProblemType.RULE_VIOLATION),
                Arguments.of("a birth year out of range", "{\"birthYear\":1850}", ProblemType.VALIDATION),
                Arguments.of("a country code that is not upper case alpha-2", "{\"countryOfOrigin\":\"sk\"}",
                        ProblemType.VALIDATION),
                Arguments.of("a well-formed country code that is no country", "{\"countryOfOrigin\":\"XX\"}",
                        ProblemType.RULE_VIOLATION),
                Arguments.of("an unknown property", "{\"town\":\"Dover\",\"erased\":true}", ProblemType.BAD_REQUEST),
                Arguments.of("malformed JSON", "{\"town\":", ProblemType.BAD_REQUEST),
                Arguments.of("a reach group without special-category consent",
                        "{\"reachGroups\":[\"" + REACH_GROUP + "\"]}", ProblemType.RULE_VIOLATION),
                Arguments.of("a guardian who is not registered",
                        "{\"guardianId\":\"0b5e4b7e-4f5d-4c1e-9a3b-7d1f1f0c2a11\"}", ProblemType.RULE_VIOLATION),
                Arguments.of("the participant as their own guardian", "{\"guardianId\":\"{self}\"}",
                        ProblemType.RULE_VIOLATION));
    }

    @ParameterizedTest(name = "correcting with {0} is a {2} problem")
    @MethodSource("corrections")
    void a_refused_correction_is_a_problem_and_changes_nothing(String what, String body, ProblemType expected) {
        HttpResponse<String> response = patchJson(participant(id), "kent-staff", body.replace("{self}", id),
                "If-Match", etag);

        assertProblem(response, expected);
        assertThat(eventCount()).isEqualTo(eventsBefore);
        HttpResponse<String> after = get(participant(id), "kent-staff");
        assertThat(etag(after)).isEqualTo(etag);
        assertThat(json(after).get("fullName").asText()).isEqualTo(NAME);
        assertThat(json(after).get("birthYear").asInt()).isEqualTo(1995);
    }

    @Test
    void consent_by_a_guardian_for_someone_without_one_is_a_422_problem() {
        assertProblem(postJson(participant(id) + "/consents", "kent-staff",
                "{\"purpose\":\"photos\",\"givenBy\":\"guardian\"}"), ProblemType.RULE_VIOLATION);
        assertProblem(postJson(participant(id) + "/consents", "kent-staff",
                "{\"purpose\":\"Photos!\",\"givenBy\":\"self\"}"), ProblemType.VALIDATION);

        assertThat(eventCount()).isEqualTo(eventsBefore);
        assertThat(etag(get(participant(id), "kent-staff"))).isEqualTo(etag);
    }

    @Test
    void withdrawing_a_consent_that_is_not_in_force_is_a_422_problem() {
        assertProblem(delete(participant(id) + "/consents/photos", "kent-staff"), ProblemType.RULE_VIOLATION);

        assertThat(eventCount()).isEqualTo(eventsBefore);
        assertThat(etag(get(participant(id), "kent-staff"))).isEqualTo(etag);
    }
}
