package org.roundtable.programmes.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentMatchers;
import org.roundtable.participants.api.ConsentInForce;
import org.roundtable.participants.api.FindParticipant;
import org.roundtable.participants.api.ParticipantView;
import org.roundtable.programmes.command.AttendeeFacts;

class ParticipantFactsDirectoryTest {

    final ReadModels models = new ReadModels(5);
    final QueryGateway participants = mock(QueryGateway.class);
    final ParticipantFactsDirectory directory = new ParticipantFactsDirectory(models.mongo, participants);

    @AfterEach
    void tearDown() {
        models.close();
    }

    @Test
    void should_answer_a_register_from_its_own_facts_and_ask_the_participants_context_only_for_those_not_yet_there() throws Exception {
        models.register("kent", "m1", "Folkestone", "roma-community", 1990, "SK", null);
        models.register("kent", "c1", "Folkestone", "roma-community", 2022, "SK", "m1");
        models.register("krefeld", "k1", "Krefeld", null, 1980, "RO", null);
        when(participants.query(eq(new FindParticipant("kent", "new-1")),
                ArgumentMatchers.<ResponseType<Optional<ParticipantView>>>any()))
                .thenReturn(CompletableFuture.completedFuture(Optional.of(new ParticipantView("new-1", "N", null, 2000, null,
                        null, List.of(), null, "m1", Set.of(), List.of(new ConsentInForce("programme-records", "self",
                        Instant.now(), "officer-1")), false, Instant.now(), 0))));
        when(participants.query(eq(new FindParticipant("kent", "k1")),
                ArgumentMatchers.<ResponseType<Optional<ParticipantView>>>any()))
                .thenReturn(CompletableFuture.completedFuture(Optional.empty()));

        var found = directory.find("kent", List.of("m1", "c1", "new-1", "k1"));

        assertThat(found).containsOnlyKeys("m1", "c1", "new-1");
        assertThat(found.get("c1")).isEqualTo(new AttendeeFacts("c1", "m1", false, Set.of()));
        assertThat(found.get("new-1").consents()).containsExactly("programme-records");
        verify(participants, never()).query(eq(new FindParticipant("kent", "m1")), any(ResponseType.class));
    }
}
