package org.roundtable.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.net.http.HttpRequest;
import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.roundtable.kernel.ProblemType;

/**
 * Alters one stored event behind the server's back. The store is shared with every other application test,
 * so the original commit document is put back in a {@code finally}, and the test proves the ledger verifies
 * again before it ends.
 */
@DisplayName("Verification names an event altered in the store")
class LedgerTamperingIT extends AuditApplicationTest {

    @Test
    @DisplayName("one character changed in a stored payload is reported as ALTERED at exactly that position, and the ledger verifies again once it is restored")
    void alteredEventIsNamedByPosition() {
        assertThat(getJson(VERIFICATION, "kent-auditor").get("ok").asBoolean()).isTrue();
        long before = headPosition();
        String name = "Tamperproof Hall " + capitalized(letters(10));
        String organisation = registerOrganisation("kent-admin", name);
        long position = eventOf(before, organisation, "OrganisationRegistered").get("position").asLong();
        // only a sealed event can be caught: the sealer would seal an altered event as it finds it
        awaitSealedThrough(position);

        MongoCollection<Document> ledger = mongo.getCollection("ledger_events");
        Document original = commitHolding(ledger, position);
        Document altered = commitHolding(ledger, position);
        Document event = altered.getList("events", Document.class).stream()
                .filter(candidate -> ((Number) candidate.get("p")).longValue() == position).findFirst().orElseThrow();
        String payload = event.getString("payload");
        assertThat(payload).contains(name);
        char last = name.charAt(name.length() - 1);
        String changedName = name.substring(0, name.length() - 1) + (last == 'z' ? 'y' : (char) (last + 1));
        event.put("payload", payload.replace(name, changedName));

        JsonNode report;
        int digestStatus;
        ledger.replaceOne(Filters.eq("_id", original.get("_id")), altered);
        try {
            report = getJson(VERIFICATION, "kent-auditor");
            digestStatus = send(request("/api/audit/digests", "kent-auditor")
                    .POST(HttpRequest.BodyPublishers.noBody()).build()).statusCode();
        } finally {
            ledger.replaceOne(Filters.eq("_id", original.get("_id")), original);
        }

        assertThat(report.get("ok").asBoolean()).as(report.toString()).isFalse();
        assertThat(report.get("failure").get("position").asLong()).isEqualTo(position);
        assertThat(report.get("failure").get("kind").asText()).isEqualTo("ALTERED");
        assertThat(report.get("verifiedThrough").asLong()).isLessThan(position);
        assertThat(report.toString()).as("the report names positions, never contents")
                .doesNotContain(name).doesNotContain(changedName);
        assertThat(digestStatus).as("no digest is signed over an altered ledger").isEqualTo(ProblemType.CONFLICT.status());

        JsonNode restored = getJson(VERIFICATION, "kent-auditor");
        assertThat(restored.get("ok").asBoolean()).as(restored.toString()).isTrue();
        assertThat(restored.get("verifiedThrough").asLong()).isGreaterThanOrEqualTo(position);
        assertThat(restored.get("failure").isNull()).isTrue();
    }

    /** The commit document whose events include the position (a commit spans {@code _id} to {@code last}). */
    private static Document commitHolding(MongoCollection<Document> ledger, long position) {
        Document commit = ledger.find(Filters.and(Filters.lte("_id", position), Filters.gte("last", position))).first();
        assertThat(commit).as("the commit holding position %d", position).isNotNull();
        return commit;
    }
}
