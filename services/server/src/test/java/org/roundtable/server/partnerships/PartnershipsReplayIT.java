package org.roundtable.server.partnerships;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.roundtable.partnerships.query.OrganisationRegistryProjection;
import org.roundtable.partnerships.query.PartnershipRegisterProjection;
import org.springframework.beans.factory.annotation.Autowired;

@DisplayName("The partnerships read models rebuilt from the ledger equal the live ones")
class PartnershipsReplayIT extends PartnershipsApplicationTest {

    private static final String ADMIN = "darmstadt-admin";
    private static final String STAFF = "darmstadt-staff";

    @Autowired
    private org.axonframework.config.Configuration axon;

    @Test
    @DisplayName("after a replay every organisation, development, partnership, meeting list and figure reads exactly as before")
    void replayEqualsLive() {
        ensurePartnerReachGroups(ADMIN);
        String programme = launchProgramme(ADMIN, "Wiederaufbau " + letters(6), daysAgo(100), daysAgo(-100));
        String association = registerOrganisation(ADMIN, "Verein " + capitalized(letters(8)), "migrant-association",
                "Darmstadt", "chair of the board");
        String school = registerOrganisation(ADMIN, "Schule " + capitalized(letters(8)), "primary-school", "Darmstadt",
                "head teacher");
        createEntry(ORGANISATIONS + "/" + association + "/support", ADMIN, toJson(Map.of("kind", "funding",
                "date", daysAgo(20).toString(), "amount", new BigDecimal("400.00"), "currency", "EUR",
                "note", "rent for the club room")), ORGANISATIONS + "/" + association + "/development");
        createEntry(ORGANISATIONS + "/" + association + "/milestones", ADMIN, toJson(Map.of("milestone", "board-trained",
                "date", daysAgo(15).toString(), "evidence", "board completed the course")),
                ORGANISATIONS + "/" + association + "/development");
        assertThat(postJson(ORGANISATIONS + "/" + school + "/archive", ADMIN, "{\"reason\":\"closed\"}").statusCode())
                .isEqualTo(204);

        String local = registerPerson(STAFF, someName(), LOCAL);
        String immigrant = registerPerson(STAFF, someName(), IMMIGRANT);
        String neighbour = registerPerson(STAFF, someName(), LOCAL);
        String ended = formed(STAFF, local, immigrant, List.of("language-exchange", "everyday-support"), programme,
                daysAgo(40)).get("id").asText();
        assertThat(logMeeting(STAFF, ended, daysAgo(35), "practised German at the market").statusCode()).isEqualTo(201);
        assertThat(checkIn(STAFF, ended, daysAgo(30), "at-risk", "meetings became rare").statusCode()).isEqualTo(201);
        assertThat(end(STAFF, ended, "dissolved", "meetings stopped", daysAgo(25)).statusCode()).isEqualTo(204);
        String active = formed(STAFF, neighbour, immigrant, List.of("common-hobby"), programme, daysAgo(10))
                .get("id").asText();
        assertThat(postJson("/api/participants/" + neighbour + "/erasure", STAFF, "{\"reason\":\"request\"}")
                .statusCode()).isEqualTo(204);
        await("the register marks the erased partner", () -> elements(getJson(PARTNERSHIPS + "/" + active, STAFF)
                .get("partners")).stream().anyMatch(partner -> partner.get("erased").asBoolean()));

        List<String> reads = List.of(ORGANISATIONS + "/" + association, ORGANISATIONS + "/" + school,
                ORGANISATIONS + "/" + association + "/development", PARTNERSHIPS + "/" + ended,
                PARTNERSHIPS + "/" + active, PARTNERSHIPS + "/" + ended + "/meetings",
                PARTNERSHIPS + "?programmeId=" + programme, "/api/participants/" + immigrant + "/partnerships",
                PARTNERSHIPS + "/counts?programmeId=" + programme + "&from=" + daysAgo(60) + "&to=" + daysAgo(0),
                PARTNERSHIPS + "/purposes", ORGANISATIONS + "?size=200");
        Map<String, JsonNode> live = readAll(reads);

        replayPartnershipsReadModels();

        assertThat(readAll(reads)).isEqualTo(live);
    }

    private Map<String, JsonNode> readAll(List<String> paths) {
        Map<String, JsonNode> answers = new LinkedHashMap<>();
        paths.forEach(path -> answers.put(path, getJson(path, "darmstadt-auditor")));
        return answers;
    }

    /**
     * Stops both partnerships processors, resets their tokens (their projections clear their documents),
     * starts them again and waits until they have replayed up to the ledger's head.
     */
    private void replayPartnershipsReadModels() {
        EventProcessingConfiguration processing = axon.eventProcessingConfiguration();
        List<StreamingEventProcessor> processors = List.of(OrganisationRegistryProjection.PROCESSING_GROUP,
                        PartnershipRegisterProjection.PROCESSING_GROUP).stream()
                .map(group -> processing.eventProcessorByProcessingGroup(group, StreamingEventProcessor.class)
                        .orElseThrow(() -> new AssertionError("no streaming processor for " + group)))
                .toList();
        for (StreamingEventProcessor processor : processors) {
            assertThat(processor.supportsReset()).as(processor.getName() + " supports a reset").isTrue();
            processor.shutDown();
            processor.resetTokens();
            processor.start();
        }
        // a replay ends only once a processor passes the position it was reset at: append one event, elsewhere
        HttpResponse<String> canary = postJson("/api/reach-groups", "krefeld-admin",
                "{\"code\":\"canary-%s\",\"label\":\"Replay canary\"}".formatted(letters(8)));
        assertThat(canary.statusCode()).as(canary.body()).isEqualTo(201);
        long head = events.createHeadToken().position().orElse(0);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!processors.stream().allMatch(processor -> caughtUp(processor, head))) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the partnerships processors did not replay up to position " + head);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static boolean caughtUp(StreamingEventProcessor processor, long head) {
        Map<Integer, EventTrackerStatus> statuses = processor.processingStatus();
        return processor.isRunning() && !statuses.isEmpty() && statuses.values().stream().allMatch(status -> {
            OptionalLong position = status.getCurrentPosition();
            return !status.isReplaying() && status.isCaughtUp() && !status.isErrorState()
                    && position.isPresent() && position.getAsLong() >= head;
        });
    }
}
