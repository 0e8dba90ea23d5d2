package org.roundtable.partnerships.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryHandler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.roundtable.kernel.DomainException;
import org.roundtable.kernel.MetadataKeys;
import org.roundtable.kernel.ProblemType;
import org.roundtable.participants.api.ConsentInForce;
import org.roundtable.participants.api.FindParticipant;
import org.roundtable.participants.api.ParticipantErased;
import org.roundtable.participants.api.ParticipantView;
import org.roundtable.partnerships.api.CountPartnerships;
import org.roundtable.partnerships.api.EndPartnership;
import org.roundtable.partnerships.api.FindOrganisation;
import org.roundtable.partnerships.api.FindPartnership;
import org.roundtable.partnerships.api.FormPartnership;
import org.roundtable.partnerships.api.LogPartnershipMeeting;
import org.roundtable.partnerships.api.OrganisationKind;
import org.roundtable.partnerships.api.OrganisationStatus;
import org.roundtable.partnerships.api.OrganisationView;
import org.roundtable.partnerships.api.PartnershipCounts;
import org.roundtable.partnerships.api.PartnershipFormation;
import org.roundtable.partnerships.api.PartnershipOutcome;
import org.roundtable.partnerships.api.PartnershipPurpose;
import org.roundtable.partnerships.api.PartnershipStatus;
import org.roundtable.partnerships.api.PartnershipView;
import org.roundtable.partnerships.api.RegisterOrganisation;
import org.roundtable.partnerships.command.ProgrammeDirectory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The command and query sides as Spring and Axon assemble them (aggregates with their injected
 * ports, the pair index's repository, tracking projections over the embedded MongoDB server), with
 * stand-ins for the participant directory and the programmes the server will provide.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "axon.axonserver.enabled=false",
        "axon.serializer.general=jackson", "axon.serializer.events=jackson", "axon.serializer.messages=jackson"})
class PartnershipsAssemblyTest {

    static final String TENANT = "darmstadt";
    static final String LOCAL = UUID.randomUUID().toString();
    static final String IMMIGRANT = UUID.randomUUID().toString();
    static final MongoServer MONGO = new MongoServer(new MemoryBackend());
    static final String MONGO_URI = MONGO.bindAndGetConnectionString();

    @Autowired
    CommandGateway commands;
    @Autowired
    QueryGateway queries;
    @Autowired
    EventGateway events;

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.data.mongodb.uri", () -> MONGO_URI + "/partnerships-assembly");
    }

    @AfterAll
    static void stopMongo() {
        MONGO.shutdown();
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @ComponentScan({"org.roundtable.partnerships.command", "org.roundtable.partnerships.query"})
    static class Assembly {

        @Bean
        EventStorageEngine eventStorageEngine() {
            return new InMemoryEventStorageEngine();
        }

        @Bean
        ProgrammeDirectory programmes() {
            return (tenantId, programmeId) -> tenantId.equals(TENANT) && programmeId.equals("p-1");
        }

        @Bean
        StandInParticipantDirectory participantDirectory() {
            return new StandInParticipantDirectory();
        }
    }

    /** Answers the participants context's published query for the two partners. */
    static class StandInParticipantDirectory {

        @QueryHandler
        Optional<ParticipantView> handle(FindParticipant query) {
            if (!query.tenantId().equals(TENANT) || !Set.of(LOCAL, IMMIGRANT).contains(query.participantId())) {
                return Optional.empty();
            }
            Instant at = Instant.parse("2026-01-05T09:00:00Z");
            return Optional.of(new ParticipantView(query.participantId(), "someone", null, 1980, null, null, List.of(),
                    null, null, Set.of(query.participantId().equals(LOCAL) ? "local" : "immigrant"),
                    List.of(new ConsentInForce("programme-records", "self", at, "staff-1")), false, at, 1));
        }
    }

    Object send(Object command) {
        return commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(Map.of(MetadataKeys.TENANT_ID, TENANT, MetadataKeys.ACTOR_ID, "coordinator-3")));
    }

    static <T> T eventually(Supplier<Optional<T>> probe) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for the read model", e);
            }
        }
        throw new AssertionError("the read model did not show the expected state in time");
    }

    Optional<PartnershipView> partnership(String id) {
        return queries.query(new FindPartnership(TENANT, id), ResponseTypes.optionalInstanceOf(PartnershipView.class))
                .join();
    }

    @Test
    void should_form_log_end_and_count_a_partnership_and_keep_the_pair_to_one_active_partnership() {
        String id = UUID.randomUUID().toString();
        LocalDate formed = LocalDate.of(2026, 1, 12);
        PartnershipFormation formation = (PartnershipFormation) send(new FormPartnership(id, LOCAL, IMMIGRANT,
                Set.of(PartnershipPurpose.LANGUAGE_EXCHANGE), "coordinator-3", "p-1", formed));
        assertThat(formation).isEqualTo(new PartnershipFormation(0, List.of()));

        assertThatThrownBy(() -> send(new FormPartnership(UUID.randomUUID().toString(), IMMIGRANT, LOCAL,
                Set.of(PartnershipPurpose.OTHER), "coordinator-3", "p-1", formed)))
                .isInstanceOfSatisfying(DomainException.class,
                        refusal -> assertThat(refusal.type()).isEqualTo(ProblemType.CONFLICT));

        send(new LogPartnershipMeeting(id, "meet-1", formed.plusDays(3), "practised German at the library"));
        send(new EndPartnership(id, PartnershipOutcome.GOAL_REACHED, "goal reached", formed.plusDays(30)));
        assertThatThrownBy(() -> send(new LogPartnershipMeeting(id, "meet-2", formed.plusDays(31), "cooked together")))
                .isInstanceOfSatisfying(DomainException.class,
                        refusal -> assertThat(refusal.type()).isEqualTo(ProblemType.CONFLICT));

        PartnershipView ended = eventually(() -> partnership(id).filter(view -> view.version() == 2));
        assertThat(ended.status()).isEqualTo(PartnershipStatus.ENDED);
        assertThat(ended.meetingCount()).isEqualTo(1);
        assertThat(queries.query(new CountPartnerships(TENANT, "p-1", formed, formed.plusDays(60)),
                PartnershipCounts.class).join()).isEqualTo(new PartnershipCounts(1, 1, 1));

        String again = UUID.randomUUID().toString();
        send(new FormPartnership(again, IMMIGRANT, LOCAL, Set.of(PartnershipPurpose.COMMON_HOBBY), "coordinator-3",
                "p-1", formed.plusDays(40)));

        events.publish(GenericEventMessage.asEventMessage(new ParticipantErased(IMMIGRANT, null))
                .andMetaData(Map.of(MetadataKeys.TENANT_ID, TENANT)));
        PartnershipView withErasedPartner = eventually(() -> partnership(again)
                .filter(view -> view.partners().stream().anyMatch(PartnershipView.Partner::erased)));
        assertThat(withErasedPartner.partners()).containsExactly(new PartnershipView.Partner(IMMIGRANT, null, true),
                new PartnershipView.Partner(LOCAL, null, false));
    }

    @Test
    void should_register_an_organisation_that_other_contexts_can_find_with_its_status() {
        String id = UUID.randomUUID().toString();
        send(new RegisterOrganisation(id, "Kinderzentrum Kranichstein", OrganisationKind.CHILDRENS_CENTRE, "Darmstadt",
                "centre manager"));

        OrganisationView view = eventually(() -> queries.query(new FindOrganisation(TENANT, id),
                ResponseTypes.optionalInstanceOf(OrganisationView.class)).join());
        assertThat(view.status()).isEqualTo(OrganisationStatus.ACTIVE);
        assertThat(queries.query(new FindOrganisation("kent", id),
                ResponseTypes.optionalInstanceOf(OrganisationView.class)).join()).isEmpty();
    }
}
