package org.roundtable.ledger.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.roundtable.ledger.crypto.PlaintextScanner;
import org.roundtable.ledger.crypto.SubjectKeyStore;
import org.roundtable.ledger.seal.Sealer;
import org.roundtable.ledger.seal.VerificationResult;
import org.roundtable.ledger.seal.Verifier;
import org.roundtable.ledger.store.MongoLedgerEngine;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(classes = LedgerTestApplication.class, properties = {
        "roundtable.embedded.backend=memory",
        "axon.axonserver.enabled=false",
        "roundtable.ledger.master-key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="})
class LedgerUnderAxonIT {

    @Autowired
    CommandGateway commands;
    @Autowired
    LedgerTestApplication.NotesProjection notes;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    EventStorageEngine engine;
    @Autowired
    SubjectKeyStore keys;
    @Autowired
    Sealer sealer;
    @Autowired
    Verifier verifier;
    @Autowired
    MongoClient client;

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met in time");
            }
            Thread.onSpinWait();
        }
    }

    @Test
    @DisplayName("commands through Axon land in our engine, reach a pooled streaming projection, and a replay rebuilds it equal")
    void replayEqualsLive() {
        assertThat(engine).isInstanceOf(MongoLedgerEngine.class);
        List<String> people = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString());
        for (int i = 0; i < 25; i++) {
            for (String person : people) {
                commands.sendAndWait(new LedgerTestApplication.Note(person, "note " + i));
            }
        }
        await(() -> people.stream().allMatch(p -> notes.counts.getOrDefault(p, 0L) == 25L));
        Map<String, Long> liveCounts = new HashMap<>(notes.counts);
        Map<String, String> liveTexts = new HashMap<>(notes.lastText);

        StreamingEventProcessor processor = processing.eventProcessor("notes", StreamingEventProcessor.class).orElseThrow();
        assertThat(processor.getClass().getSimpleName()).isEqualTo("PooledStreamingEventProcessor");
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        await(() -> people.stream().allMatch(p -> notes.counts.getOrDefault(p, 0L) == 25L) && !processor.isReplaying());
        assertThat(notes.counts).containsAllEntriesOf(liveCounts);
        assertThat(notes.lastText).containsAllEntriesOf(liveTexts);
        // an aggregate of 25 events was snapshotted and still loads to the right version
        assertThat(commands.<Long>sendAndWait(new LedgerTestApplication.Note(people.get(0), "after"))).isEqualTo(26L);
    }

    @Test
    @DisplayName("after erasure no raw document holds the person's words, processors still run, and the chain still verifies")
    void erasure() {
        String person = UUID.randomUUID().toString();
        String secret = "Zsofia-" + UUID.randomUUID();
        for (int i = 0; i < 12; i++) {
            commands.sendAndWait(new LedgerTestApplication.Note(person, secret + " visit " + i));
        }
        await(() -> notes.counts.getOrDefault(person, 0L) == 12L);
        assertThat(new PlaintextScanner(client).findAll(List.of(secret))).isEmpty();

        keys.erase(person);
        StreamingEventProcessor processor = processing.eventProcessor("notes", StreamingEventProcessor.class).orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        await(() -> notes.counts.getOrDefault(person, 0L) == 12L && !processor.isReplaying());
        assertThat(notes.lastText.get(person)).isEqualTo("[erased]");

        sealer.sealAvailable();
        VerificationResult result = verifier.verifyAll();
        assertThat(result.ok()).isTrue();
        assertThat(result.verifiedThrough()).isGreaterThanOrEqualTo(12L);
    }
}
