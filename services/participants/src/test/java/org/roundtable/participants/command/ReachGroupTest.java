package org.roundtable.participants.command;

import static org.roundtable.participants.command.DomainExceptionMatcher.refusedAs;

import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roundtable.kernel.MetadataKeys;
import org.roundtable.kernel.ProblemType;
import org.roundtable.participants.api.DefineReachGroup;
import org.roundtable.participants.api.ReachGroupDefined;

class ReachGroupTest {

    static final Map<String, String> AS_KENT = Map.of(MetadataKeys.TENANT_ID, "kent", MetadataKeys.ACTOR_ID, "admin-1");

    FixtureConfiguration<ReachGroup> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ReachGroup.class);
    }

    @Test
    void should_define_a_reach_group_for_the_callers_tenant() {
        fixture.givenNoPriorActivity()
                .when(new DefineReachGroup("kent:roma-community", "roma-community", " Roma community "), AS_KENT)
                .expectEvents(new ReachGroupDefined("kent:roma-community", "kent", "roma-community", "Roma community"));
    }

    @Test
    void should_refuse_an_id_that_names_another_tenant() {
        fixture.givenNoPriorActivity()
                .when(new DefineReachGroup("darmstadt:local", "local", "Local citizens"), AS_KENT)
                .expectNoEvents()
                .expectException(refusedAs(ProblemType.RULE_VIOLATION));
    }

    @Test
    void should_refuse_a_code_of_the_wrong_shape() {
        fixture.givenNoPriorActivity()
                .when(new DefineReachGroup("kent:Roma Community", "Roma Community", "Roma"), AS_KENT)
                .expectException(refusedAs(ProblemType.RULE_VIOLATION));
    }

    @Test
    void should_refuse_a_blank_label() {
        fixture.givenNoPriorActivity()
                .when(new DefineReachGroup("kent:local", "local", "  "), AS_KENT)
                .expectException(refusedAs(ProblemType.RULE_VIOLATION));
    }

    @Test
    void should_refuse_to_define_the_same_code_twice() {
        // the id joins tenant and code, so the store's unique (aggregate, sequence) key refuses the second
        // stream; the fixture's store says so with an EventStoreException, the ledger with a 409 exception
        fixture.given(new ReachGroupDefined("kent:local", "kent", "local", "Local citizens"))
                .when(new DefineReachGroup("kent:local", "local", "Local"), AS_KENT)
                .expectNoEvents()
                .expectException(org.axonframework.eventsourcing.eventstore.EventStoreException.class);
    }
}
