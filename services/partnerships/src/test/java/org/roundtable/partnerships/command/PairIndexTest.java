package org.roundtable.partnerships.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roundtable.kernel.DomainException;
import org.roundtable.kernel.MetadataKeys;
import org.roundtable.kernel.ProblemType;
import org.roundtable.partnerships.api.EndPartnership;
import org.roundtable.partnerships.api.FormPartnership;
import org.roundtable.partnerships.api.PartnerPairClaimed;
import org.roundtable.partnerships.api.PartnerPairReleased;
import org.roundtable.partnerships.api.PartnershipOutcome;
import org.roundtable.partnerships.api.PartnershipPurpose;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** The pair index over real repositories, with commands dispatched through Axon as in the server. */
class PairIndexTest {

    static final String TENANT = "darmstadt";
    static final String LOCAL = "a1a1a1a1-0000-4000-8000-000000000001";
    static final String IMMIGRANT = "b2b2b2b2-0000-4000-8000-000000000002";
    static final LocalDate FORMED = LocalDate.of(2026, 2, 10);

    Configuration axon;
    CommandGateway commands;
    EventStore events;

    @BeforeEach
    void start() {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        AggregatePairRegistry pairs = new AggregatePairRegistry(beans.getBeanProvider(Configuration.class));
        FakeParticipantLookup participants = new FakeParticipantLookup()
                .with(TENANT, LOCAL, Set.of("local"), Set.of("programme-records"))
                .with(TENANT, IMMIGRANT, Set.of("immigrant"), Set.of("programme-records"));
        axon = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                .configureAggregate(Partnership.class)
                .configureAggregate(PartnerPair.class)
                .registerComponent(ParticipantLookup.class, c -> participants)
                .registerComponent(ProgrammeDirectory.class, c -> new FakeProgrammeDirectory().with(TENANT, "p-1"))
                .registerComponent(PairRegistry.class, c -> pairs)
                .buildConfiguration();
        beans.addBean("axonConfiguration", axon);
        axon.start();
        commands = axon.commandGateway();
        events = axon.eventStore();
    }

    @AfterEach
    void stop() {
        axon.shutdown();
    }

    Object send(Object command) {
        return commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(Map.of(MetadataKeys.TENANT_ID, TENANT, MetadataKeys.ACTOR_ID, "coordinator-3")));
    }

    static FormPartnership form(String id, String first, String second) {
        return new FormPartnership(id, first, second, Set.of(PartnershipPurpose.COMMON_HOBBY), "coordinator-3", "p-1",
                FORMED);
    }

    long eventsOf(String aggregateId) {
        return events.readEvents(aggregateId).asStream().count();
    }

    List<Object> pairEvents() {
        return events.readEvents(PartnerPair.idOf(TENANT, LOCAL, IMMIGRANT)).asStream()
                .map(message -> (Object) message.getPayload()).toList();
    }

    @Test
    void should_refuse_a_second_active_partnership_of_the_same_pair_named_in_the_other_order_and_store_nothing_for_it() {
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        send(form(first, LOCAL, IMMIGRANT));

        assertThatThrownBy(() -> send(form(second, IMMIGRANT, LOCAL)))
                .isInstanceOf(DomainException.class)
                .satisfies(refusal -> assertThat(((DomainException) refusal).type()).isEqualTo(ProblemType.CONFLICT));
        assertThat(eventsOf(second)).isZero();
        assertThat(pairEvents()).containsExactly(new PartnerPairClaimed(PartnerPair.idOf(TENANT, LOCAL, IMMIGRANT),
                TENANT, first));
    }

    @Test
    void should_let_the_pair_form_a_new_partnership_once_the_old_one_ended() {
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        send(form(first, LOCAL, IMMIGRANT));
        send(new EndPartnership(first, PartnershipOutcome.CONTINUING_PRIVATELY, "meeting privately now", FORMED));

        send(form(second, LOCAL, IMMIGRANT));

        String pair = PartnerPair.idOf(TENANT, LOCAL, IMMIGRANT);
        assertThat(pairEvents()).containsExactly(new PartnerPairClaimed(pair, TENANT, first),
                new PartnerPairReleased(pair, first), new PartnerPairClaimed(pair, TENANT, second));
    }

    @Test
    void should_let_exactly_one_of_many_concurrent_formations_of_the_same_pair_succeed() throws Exception {
        int attempts = 8;
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        CountDownLatch go = new CountDownLatch(1);
        List<String> ids = new ArrayList<>();
        List<Future<Boolean>> outcomes = new ArrayList<>();
        try {
            for (int i = 0; i < attempts; i++) {
                String id = UUID.randomUUID().toString();
                ids.add(id);
                outcomes.add(pool.submit(() -> {
                    go.await();
                    try {
                        send(form(id, LOCAL, IMMIGRANT));
                        return true;
                    } catch (DomainException refused) {
                        return false;
                    }
                }));
            }
            go.countDown();
            int formed = 0;
            for (Future<Boolean> outcome : outcomes) {
                formed += outcome.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(formed).isEqualTo(1);
            assertThat(ids.stream().mapToLong(this::eventsOf).sum()).isEqualTo(1);
            assertThat(pairEvents()).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
