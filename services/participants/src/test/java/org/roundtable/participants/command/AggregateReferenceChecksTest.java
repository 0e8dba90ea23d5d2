package org.roundtable.participants.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roundtable.kernel.DomainException;
import org.roundtable.kernel.MetadataKeys;
import org.roundtable.participants.api.ConsentGrant;
import org.roundtable.participants.api.DefineReachGroup;
import org.roundtable.participants.api.EraseParticipant;
import org.roundtable.participants.api.RegisterParticipant;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** The reference checks against real repositories, with commands dispatched through Axon as in the server. */
class AggregateReferenceChecksTest {

    Configuration axon;
    CommandGateway commands;
    final RecordingSubjectEraser eraser = new RecordingSubjectEraser();

    @BeforeEach
    void start() {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        AggregateReferenceChecks checks = new AggregateReferenceChecks(beans.getBeanProvider(Configuration.class));
        axon = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                .configureAggregate(Participant.class)
                .configureAggregate(ReachGroup.class)
                .registerComponent(ReferenceChecks.class, c -> checks)
                .registerComponent(SubjectEraser.class, c -> eraser)
                .buildConfiguration();
        beans.addBean("axonConfiguration", axon);
        axon.start();
        commands = axon.commandGateway();
    }

    @AfterEach
    void stop() {
        axon.shutdown();
    }

    Object send(String tenant, Object command) {
        return commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(Map.of(MetadataKeys.TENANT_ID, tenant, MetadataKeys.ACTOR_ID, "officer-1")));
    }

    String registerAdult(String tenant) {
        String id = UUID.randomUUID().toString();
        send(tenant, new RegisterParticipant(id, "Jan Horvath", null, 1988, null, null, null, null, null, null, null));
        return id;
    }

    RegisterParticipant child(String guardian, Set<String> reachGroups) {
        return new RegisterParticipant(UUID.randomUUID().toString(), "Ana Lakatos", null, 2021, null, null, null, null,
                guardian, reachGroups, List.of(new ConsentGrant("special-category", "guardian")));
    }

    @Test
    void should_register_a_child_of_an_existing_guardian_in_a_defined_reach_group() {
        send("kent", new DefineReachGroup("kent:roma-community", "roma-community", "Roma community"));
        String guardian = registerAdult("kent");

        assertThat(send("kent", child(guardian, Set.of("roma-community")))).isEqualTo(1L);
    }

    @Test
    void should_refuse_a_guardian_of_another_tenant_a_missing_one_and_an_erased_one() {
        String darmstadts = registerAdult("darmstadt");
        String erased = registerAdult("kent");
        send("kent", new EraseParticipant(erased, null));

        for (String guardian : List.of(darmstadts, UUID.randomUUID().toString(), erased)) {
            assertThatThrownBy(() -> send("kent", child(guardian, Set.of())))
                    .isInstanceOf(DomainException.class)
                    .hasMessageContaining("guardian");
        }
        assertThat(eraser.erased).containsExactly(erased);
    }

    @Test
    void should_refuse_a_reach_group_only_another_tenant_defined() {
        send("darmstadt", new DefineReachGroup("darmstadt:local", "local", "Local citizens"));
        String guardian = registerAdult("kent");

        assertThatThrownBy(() -> send("kent", child(guardian, Set.of("local"))))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("unknown reach group");
    }
}
