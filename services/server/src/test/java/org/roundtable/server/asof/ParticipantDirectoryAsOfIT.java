package org.roundtable.server.asof;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.roundtable.kernel.PersonalData;

/**
 * Kent's participant directory as it stood before a registration and before an erasure. Each test town is
 * new, so the directory filtered by it holds only this class's people.
 */
@DisplayName("The participant directory as of an earlier point")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ParticipantDirectoryAsOfIT extends AsOfApplicationTest {

    private final String town = "Asofton " + randomId().substring(0, 8);
    private final String amira = "Amira Asof " + randomId().substring(0, 6);
    private final String bogdan = "Bogdan Asof " + randomId().substring(0, 6);
    private String amiraId;
    private String bogdanId;
    private Instant beforeBogdan;
    private long withBogdan;
    private long afterErasure;

    @BeforeAll
    void kentRegistersTwoPeopleThenOneAsksToBeForgotten() {
        amiraId = register("kent-staff", amira, town, 1990);
        // darmstadt's participant in the same town must never show in kent's directory, then or now
        register("darmstadt-staff", "Darmstadt Asof " + randomId().substring(0, 6), town, 1970);
        beforeBogdan = Instant.now();
        bogdanId = register("kent-staff", bogdan, town, 1985);
        withBogdan = position(quietLive(directory(), "kent-staff"));
        HttpResponse<String> erased = postJson("/api/participants/" + bogdanId + "/erasure", "kent-admin",
                "{\"reason\":\"asked to be forgotten\"}");
        assertThat(erased.statusCode()).as(erased.body()).isEqualTo(204);
        afterErasure = position(quietLive(directory(), "kent-staff"));
    }

    private String directory() {
        return "/api/participants?town=" + encode(town) + "&size=200";
    }

    private String asOfDirectory(Object point) {
        return "/api/as-of/participants?asOf=" + encode(point.toString()) + "&town=" + encode(town) + "&size=200";
    }

    @Test
    void before_a_registration_the_directory_does_not_hold_the_person() {
        JsonNode answer = asOf(asOfDirectory(beforeBogdan), "kent-auditor");
        assertThat(answer.get("asOf").asText()).isEqualTo(beforeBogdan.toString());
        assertThat(answer.get("asOfPosition").asLong()).isLessThan(withBogdan);
        assertThat(ids(answer.get("result"))).containsExactly(amiraId);
        assertThat(answer.at("/result/total").asLong()).isEqualTo(1);
    }

    @Test
    void the_directory_as_of_now_is_the_live_directory() {
        JsonNode answer = asOf(asOfDirectory(afterErasure), "kent-staff");
        assertThat(answer.get("result")).isEqualTo(json(get(directory(), "kent-staff")));
        assertThat(ids(answer.get("result"))).containsExactlyInAnyOrder(amiraId, bogdanId);
    }

    @Test
    void after_an_erasure_no_earlier_point_brings_the_persons_data_back() {
        JsonNode before = asOf(asOfDirectory(withBogdan), "kent-staff");
        JsonNode person = entry(before.get("result"), bogdanId);
        // at that position the erasure had not happened, but the key to read the name is gone for good
        assertThat(person.get("fullName").asText()).isEqualTo(PersonalData.ERASED);
        assertThat(person.get("erased").asBoolean()).isFalse();
        assertThat(person.get("birthYear").asInt()).isEqualTo(1985);
        assertThat(entry(before.get("result"), amiraId).get("fullName").asText()).isEqualTo(amira);

        JsonNode byName = asOf("/api/as-of/participants?asOf=" + withBogdan + "&name=" + encode(bogdan), "kent-staff");
        assertThat(byName.at("/result/items")).isEmpty();

        JsonNode after = asOf(asOfDirectory(afterErasure), "kent-staff");
        assertThat(entry(after.get("result"), bogdanId).get("erased").asBoolean()).isTrue();
    }

    @Test
    void another_agency_sees_none_of_kents_people_at_any_point() {
        JsonNode theirs = asOf(asOfDirectory(afterErasure), "darmstadt-staff");
        assertThat(ids(theirs.get("result"))).doesNotContain(amiraId, bogdanId).hasSize(1);
    }

    private static List<String> ids(JsonNode page) {
        return StreamSupport.stream(page.get("items").spliterator(), false).map(item -> item.get("id").asText()).toList();
    }

    private static JsonNode entry(JsonNode page, String id) {
        return StreamSupport.stream(page.get("items").spliterator(), false)
                .filter(item -> item.get("id").asText().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + id + " in " + page));
    }
}
