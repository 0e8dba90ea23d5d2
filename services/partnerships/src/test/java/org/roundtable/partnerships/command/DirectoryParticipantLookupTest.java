package org.roundtable.partnerships.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roundtable.participants.api.ConsentInForce;
import org.roundtable.participants.api.FindParticipant;
import org.roundtable.participants.api.ParticipantView;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** The lookup through the participants context's published query, answered by a stand-in directory. */
class DirectoryParticipantLookupTest {

    static final String ID = "a1a1a1a1-0000-4000-8000-000000000001";

    DirectoryParticipantLookup lookup;

    /** Knows one participant of darmstadt, like the participant directory would. */
    static class StandInDirectory {

        @QueryHandler
        Optional<ParticipantView> handle(FindParticipant query) {
            if (!query.tenantId().equals("darmstadt") || !query.participantId().equals(ID)) {
                return Optional.empty();
            }
            Instant at = Instant.parse("2026-01-05T09:00:00Z");
            return Optional.of(new ParticipantView(ID, "Lena Weber", null, 1979, null, "DE", List.of("de"),
                    "Darmstadt", null, Set.of("local"), List.of(new ConsentInForce("programme-records", "self", at,
                    "staff-1"), new ConsentInForce("special-category", "self", at, "staff-1")), false, at, 3));
        }
    }

    @BeforeEach
    void setUp() {
        SimpleQueryBus bus = SimpleQueryBus.builder().build();
        new AnnotationQueryHandlerAdapter<>(new StandInDirectory()).subscribe(bus);
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("queryGateway", DefaultQueryGateway.builder().queryBus(bus).build());
        lookup = new DirectoryParticipantLookup(beans.getBeanProvider(QueryGateway.class));
    }

    @Test
    void should_answer_a_candidate_with_reach_groups_and_the_purposes_of_consents_in_force_but_no_personal_data() {
        assertThat(lookup.find("darmstadt", ID)).contains(new ParticipantLookup.Candidate(ID, false, Set.of("local"),
                Set.of("programme-records", "special-category")));
    }

    @Test
    void should_find_nothing_for_a_participant_of_another_tenant() {
        assertThat(lookup.find("kent", ID)).isEmpty();
    }
}
