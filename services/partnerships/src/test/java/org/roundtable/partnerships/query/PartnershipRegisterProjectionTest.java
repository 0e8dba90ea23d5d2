package org.roundtable.partnerships.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roundtable.kernel.MetadataKeys;
import org.roundtable.participants.api.ParticipantErased;
import org.roundtable.partnerships.api.CheckInAssessment;
import org.roundtable.partnerships.api.CountPartnerships;
import org.roundtable.partnerships.api.CountPartnershipsByPurpose;
import org.roundtable.partnerships.api.FindPartnership;
import org.roundtable.partnerships.api.FindPartnershipMeetings;
import org.roundtable.partnerships.api.FindPartnershipVersion;
import org.roundtable.partnerships.api.FindPartnerships;
import org.roundtable.partnerships.api.PartnershipCheckedIn;
import org.roundtable.partnerships.api.PartnershipCounts;
import org.roundtable.partnerships.api.PartnershipEnded;
import org.roundtable.partnerships.api.PartnershipFormed;
import org.roundtable.partnerships.api.PartnershipMeetingLogged;
import org.roundtable.partnerships.api.PartnershipMeetings;
import org.roundtable.partnerships.api.PartnershipOutcome;
import org.roundtable.partnerships.api.PartnershipPage;
import org.roundtable.partnerships.api.PartnershipPurpose;
import org.roundtable.partnerships.api.PartnershipStatus;
import org.roundtable.partnerships.api.PartnershipView;
import org.roundtable.partnerships.api.PurposeTally;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The partnership register over the embedded MongoDB server, reached through the real driver. */
class PartnershipRegisterProjectionTest {

    static final String DARMSTADT = "darmstadt";
    static final String KENT = "kent";
    static final String PROGRAMME = "kranichstein-2026";
    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    static MongoServer server;
    static MongoClient client;

    MongoTemplate mongo;
    AnnotationEventHandlerAdapter handler;
    QueryGateway queries;
    final List<GenericDomainEventMessage<?>> history = new ArrayList<>();

    @BeforeAll
    static void startMongo() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
    }

    @AfterAll
    static void stopMongo() {
        client.close();
        server.shutdown();
    }

    @BeforeEach
    void setUp() {
        mongo = new MongoTemplate(client, "partnerships-" + UUID.randomUUID());
        PartnershipRegisterProjection projection = new PartnershipRegisterProjection(mongo);
        handler = new AnnotationEventHandlerAdapter(projection);
        SimpleQueryBus bus = SimpleQueryBus.builder().build();
        new AnnotationQueryHandlerAdapter<>(projection).subscribe(bus);
        queries = DefaultQueryGateway.builder().queryBus(bus).build();
    }

    /** Delivers an event as the ledger would: with its aggregate, sequence number, timestamp, tenant and actor. */
    void publish(String type, String tenant, String aggregateId, long sequence, Object event) throws Exception {
        GenericDomainEventMessage<?> message = new GenericDomainEventMessage<>(type, aggregateId, sequence, event,
                Map.of(MetadataKeys.ACTOR_ID, "coordinator-3", MetadataKeys.TENANT_ID, tenant),
                UUID.randomUUID().toString(), T0.plusSeconds(60L * history.size()));
        history.add(message);
        handler.handle(message);
    }

    void publish(String tenant, String partnershipId, long sequence, Object event) throws Exception {
        publish("Partnership", tenant, partnershipId, sequence, event);
    }

    String form(String tenant, String first, String second, LocalDate formedOn, PartnershipPurpose... purposes)
            throws Exception {
        String id = UUID.randomUUID().toString();
        publish(tenant, id, 0, new PartnershipFormed(id, tenant, first, second, Set.of(purposes), "coordinator-3",
                PROGRAMME, formedOn));
        return id;
    }

    static String participant() {
        return UUID.randomUUID().toString();
    }

    Optional<PartnershipView> find(String tenant, String id) {
        return queries.query(new FindPartnership(tenant, id), ResponseTypes.optionalInstanceOf(PartnershipView.class)).join();
    }

    PartnershipPage list(String tenant, PartnershipStatus status, PartnershipPurpose purpose, String participantId) {
        return queries.query(new FindPartnerships(tenant, status, purpose, participantId, null, 0, 100),
                PartnershipPage.class).join();
    }

    PartnershipCounts count(String tenant, String programme, LocalDate from, LocalDate to) {
        return queries.query(new CountPartnerships(tenant, programme, from, to), PartnershipCounts.class).join();
    }

    List<Document> stored() {
        List<Document> documents = new ArrayList<>();
        mongo.getCollection(PartnershipRegisterProjection.COLLECTION).find().into(documents);
        mongo.getCollection(PartnershipRegisterProjection.ERASED_COLLECTION).find().into(documents);
        return documents;
    }

    @Test
    void should_follow_a_partnership_through_meetings_a_check_in_and_its_end() throws Exception {
        String local = participant();
        String immigrant = participant();
        LocalDate formed = LocalDate.of(2026, 1, 15);
        String id = form(DARMSTADT, local, immigrant, formed, PartnershipPurpose.EVERYDAY_SUPPORT,
                PartnershipPurpose.LANGUAGE_EXCHANGE);
        publish(DARMSTADT, id, 1, new PartnershipMeetingLogged(id, "meet-2", formed.plusDays(14), "cooked together"));
        publish(DARMSTADT, id, 2, new PartnershipMeetingLogged(id, "meet-1", formed.plusDays(7), "visited the library"));
        publish(DARMSTADT, id, 3, new PartnershipCheckedIn(id, "chk-1", formed.plusDays(20), CheckInAssessment.ON_TRACK,
                null));

        PartnershipView active = find(DARMSTADT, id).orElseThrow();
        assertThat(active.partners()).containsExactly(new PartnershipView.Partner(local, null, false),
                new PartnershipView.Partner(immigrant, null, false));
        assertThat(active.purposes()).containsExactly(PartnershipPurpose.LANGUAGE_EXCHANGE,
                PartnershipPurpose.EVERYDAY_SUPPORT);
        assertThat(active.status()).isEqualTo(PartnershipStatus.ACTIVE);
        assertThat(active.formedOn()).isEqualTo(formed);
        assertThat(active.programmeId()).isEqualTo(PROGRAMME);
        assertThat(active.meetingCount()).isEqualTo(2);
        assertThat(active.lastMeetingOn()).isEqualTo(formed.plusDays(14));
        assertThat(active.checkIns()).extracting(PartnershipView.CheckIn::assessment)
                .containsExactly(CheckInAssessment.ON_TRACK);
        assertThat(active.formedBy()).isEqualTo("coordinator-3");
        assertThat(active.version()).isEqualTo(3);

        PartnershipMeetings meetings = queries.query(new FindPartnershipMeetings(DARMSTADT, id),
                ResponseTypes.optionalInstanceOf(PartnershipMeetings.class)).join().orElseThrow();
        assertThat(meetings.items()).extracting(PartnershipMeetings.Meeting::activity)
                .containsExactly("visited the library", "cooked together");

        publish(DARMSTADT, id, 4, new PartnershipEnded(id, PartnershipOutcome.CONTINUING_PRIVATELY, "meet privately",
                formed.plusMonths(2)));
        PartnershipView ended = find(DARMSTADT, id).orElseThrow();
        assertThat(ended.status()).isEqualTo(PartnershipStatus.ENDED);
        assertThat(ended.outcome()).isEqualTo(PartnershipOutcome.CONTINUING_PRIVATELY);
        assertThat(ended.endReason()).isEqualTo("meet privately");
        assertThat(ended.endedOn()).isEqualTo(formed.plusMonths(2));
        assertThat(queries.query(new FindPartnershipVersion(DARMSTADT, id), Long.class).join()).isEqualTo(4L);
    }

    @Test
    void should_list_active_and_ended_partnerships_by_purpose_and_participant_newest_first() throws Exception {
        String lena = participant();
        String older = form(DARMSTADT, lena, participant(), LocalDate.of(2025, 5, 1), PartnershipPurpose.COMMON_HOBBY);
        publish(DARMSTADT, older, 1, new PartnershipEnded(older, PartnershipOutcome.DISSOLVED, "no time",
                LocalDate.of(2025, 9, 1)));
        String newer = form(DARMSTADT, participant(), lena, LocalDate.of(2026, 1, 10),
                PartnershipPurpose.LANGUAGE_EXCHANGE, PartnershipPurpose.COMMON_HOBBY);
        String unrelated = form(DARMSTADT, participant(), participant(), LocalDate.of(2025, 12, 1),
                PartnershipPurpose.EVERYDAY_SUPPORT);

        assertThat(list(DARMSTADT, null, null, null).items()).extracting(PartnershipView::id)
                .containsExactly(newer, unrelated, older);
        assertThat(list(DARMSTADT, PartnershipStatus.ACTIVE, null, null).items()).extracting(PartnershipView::id)
                .containsExactly(newer, unrelated);
        assertThat(list(DARMSTADT, PartnershipStatus.ENDED, null, null).items()).extracting(PartnershipView::id)
                .containsExactly(older);
        assertThat(list(DARMSTADT, null, PartnershipPurpose.COMMON_HOBBY, null).items()).extracting(PartnershipView::id)
                .containsExactly(newer, older);
        assertThat(list(DARMSTADT, null, null, lena).items()).extracting(PartnershipView::id)
                .containsExactly(newer, older);

        List<PurposeTally> tally = queries.query(new CountPartnershipsByPurpose(DARMSTADT),
                ResponseTypes.multipleInstancesOf(PurposeTally.class)).join();
        assertThat(tally).containsExactly(
                new PurposeTally(PartnershipPurpose.LANGUAGE_EXCHANGE, 1, 0),
                new PurposeTally(PartnershipPurpose.COMMON_HOBBY, 1, 1),
                new PurposeTally(PartnershipPurpose.EVERYDAY_SUPPORT, 1, 0),
                new PurposeTally(PartnershipPurpose.OTHER, 0, 0));
    }

    @Test
    void should_not_show_or_count_a_partnership_for_another_tenant() throws Exception {
        String partner = participant();
        String id = form(DARMSTADT, partner, participant(), LocalDate.of(2026, 1, 10), PartnershipPurpose.OTHER);

        assertThat(find(KENT, id)).isEmpty();
        assertThat(queries.query(new FindPartnershipMeetings(KENT, id),
                ResponseTypes.optionalInstanceOf(PartnershipMeetings.class)).join()).isEmpty();
        assertThat(queries.query(new FindPartnershipVersion(KENT, id), Long.class).join()).isEqualTo(-1L);
        assertThat(list(KENT, null, null, partner).total()).isZero();
        assertThat(count(KENT, PROGRAMME, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)))
                .isEqualTo(new PartnershipCounts(0, 0, 0));
    }

    @Test
    void should_count_a_programmes_partnerships_formed_active_and_ended_in_a_period() throws Exception {
        LocalDate from = LocalDate.of(2026, 1, 1);
        LocalDate to = LocalDate.of(2026, 3, 31);
        // formed before, still active: active only
        form(DARMSTADT, participant(), participant(), LocalDate.of(2025, 10, 1), PartnershipPurpose.OTHER);
        // formed before, ended within: active and ended
        String endedWithin = form(DARMSTADT, participant(), participant(), LocalDate.of(2025, 11, 1),
                PartnershipPurpose.OTHER);
        publish(DARMSTADT, endedWithin, 1, new PartnershipEnded(endedWithin, PartnershipOutcome.GOAL_REACHED, "done",
                from));
        // formed and ended within: formed, active and ended
        String both = form(DARMSTADT, participant(), participant(), LocalDate.of(2026, 2, 1), PartnershipPurpose.OTHER);
        publish(DARMSTADT, both, 1, new PartnershipEnded(both, PartnershipOutcome.DISSOLVED, "moved", to));
        // ended before the period: nothing
        String endedBefore = form(DARMSTADT, participant(), participant(), LocalDate.of(2025, 3, 1),
                PartnershipPurpose.OTHER);
        publish(DARMSTADT, endedBefore, 1, new PartnershipEnded(endedBefore, PartnershipOutcome.DISSOLVED, "moved",
                from.minusDays(1)));
        // formed after the period, or in another programme: nothing
        form(DARMSTADT, participant(), participant(), to.plusDays(1), PartnershipPurpose.OTHER);
        String otherProgramme = UUID.randomUUID().toString();
        publish(DARMSTADT, otherProgramme, 0, new PartnershipFormed(otherProgramme, DARMSTADT, participant(),
                participant(), Set.of(PartnershipPurpose.OTHER), "coordinator-3", "another", from));

        assertThat(count(DARMSTADT, PROGRAMME, from, to)).isEqualTo(new PartnershipCounts(1, 3, 2));
    }

    @Test
    void should_show_an_erased_partner_as_erased_and_keep_the_partnership_in_the_figures() throws Exception {
        String erased = participant();
        String kept = participant();
        String first = form(DARMSTADT, erased, kept, LocalDate.of(2026, 1, 10), PartnershipPurpose.LANGUAGE_EXCHANGE);
        String second = form(DARMSTADT, participant(), erased, LocalDate.of(2026, 2, 10), PartnershipPurpose.OTHER);

        publish("Participant", DARMSTADT, erased, 7, new ParticipantErased(erased, "subject request"));
        publish("Participant", DARMSTADT, erased, 7, new ParticipantErased(erased, "subject request"));

        PartnershipView view = find(DARMSTADT, first).orElseThrow();
        assertThat(view.partners()).containsExactly(new PartnershipView.Partner(erased, null, true),
                new PartnershipView.Partner(kept, null, false));
        assertThat(view.version()).isZero();
        assertThat(find(DARMSTADT, second).orElseThrow().partners().get(1).erased()).isTrue();
        assertThat(list(DARMSTADT, null, null, erased).total()).isEqualTo(2);
        assertThat(count(DARMSTADT, PROGRAMME, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)))
                .isEqualTo(new PartnershipCounts(2, 2, 0));
    }

    @Test
    void should_mark_a_partner_erased_even_when_the_formation_arrives_after_the_erasure() throws Exception {
        String erased = participant();
        publish("Participant", DARMSTADT, erased, 3, new ParticipantErased(erased, null));

        String id = form(DARMSTADT, erased, participant(), LocalDate.of(2026, 1, 10), PartnershipPurpose.OTHER);

        assertThat(find(DARMSTADT, id).orElseThrow().partners().get(0).erased()).isTrue();
    }

    @Test
    void should_apply_a_redelivered_or_stale_event_only_once() throws Exception {
        String id = form(DARMSTADT, participant(), participant(), LocalDate.of(2026, 1, 10), PartnershipPurpose.OTHER);
        publish(DARMSTADT, id, 1, new PartnershipMeetingLogged(id, "meet-1", LocalDate.of(2026, 1, 17), "excursion"));
        handler.handle(history.get(1));
        handler.handle(history.get(0));
        publish(DARMSTADT, id, 1, new PartnershipEnded(id, PartnershipOutcome.DISSOLVED, "stale", LocalDate.of(2026, 2, 1)));

        PartnershipView view = find(DARMSTADT, id).orElseThrow();
        assertThat(view.meetingCount()).isEqualTo(1);
        assertThat(view.status()).isEqualTo(PartnershipStatus.ACTIVE);
        assertThat(mongo.getCollection(PartnershipRegisterProjection.COLLECTION).countDocuments()).isEqualTo(1);
    }

    @Test
    void should_rebuild_the_same_register_after_a_reset_and_replay() throws Exception {
        String erased = participant();
        String id = form(DARMSTADT, erased, participant(), LocalDate.of(2026, 1, 10), PartnershipPurpose.COMMON_HOBBY);
        publish(DARMSTADT, id, 1, new PartnershipMeetingLogged(id, "meet-1", LocalDate.of(2026, 1, 17), "excursion"));
        publish("Participant", DARMSTADT, erased, 4, new ParticipantErased(erased, null));
        publish(DARMSTADT, id, 2, new PartnershipEnded(id, PartnershipOutcome.GOAL_REACHED, "done",
                LocalDate.of(2026, 3, 1)));
        form(KENT, participant(), participant(), LocalDate.of(2026, 2, 2), PartnershipPurpose.OTHER);
        List<Document> before = stored();

        handler.prepareReset();
        assertThat(stored()).isEmpty();
        for (GenericDomainEventMessage<?> message : history) {
            handler.handle(message);
        }

        assertThat(stored()).containsExactlyInAnyOrderElementsOf(before);
    }
}
