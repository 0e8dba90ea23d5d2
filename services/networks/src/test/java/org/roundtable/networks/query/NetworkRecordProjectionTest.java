package org.roundtable.networks.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.roundtable.networks.query.NetworkYear.A;
import static org.roundtable.networks.query.NetworkYear.C;
import static org.roundtable.networks.query.NetworkYear.D;
import static org.roundtable.networks.query.NetworkYear.K;
import static org.roundtable.networks.query.NetworkYear.NET;
import static org.roundtable.networks.query.NetworkYear.P;
import static org.roundtable.networks.query.NetworkYear.S;
import static org.roundtable.networks.query.NetworkYear.U;
import static org.roundtable.networks.query.NetworkYear.Y;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.roundtable.networks.api.ActionItemStatus;
import org.roundtable.networks.api.ActionItemView;
import org.roundtable.networks.api.DecisionView;
import org.roundtable.networks.api.FigureTotals;
import org.roundtable.networks.api.FindMeeting;
import org.roundtable.networks.api.FindNetwork;
import org.roundtable.networks.api.FindNetworkVersion;
import org.roundtable.networks.api.FindNetworks;
import org.roundtable.networks.api.FindOverdueActionItems;
import org.roundtable.networks.api.FindQuarterOutcomes;
import org.roundtable.networks.api.MeetingSummary;
import org.roundtable.networks.api.MeetingView;
import org.roundtable.networks.api.MemberAttendance;
import org.roundtable.networks.api.NetworkSummary;
import org.roundtable.networks.api.NetworkView;
import org.roundtable.networks.api.OverdueActionItems;
import org.roundtable.networks.api.OwnerActionItems;
import org.roundtable.networks.api.Quarter;
import org.roundtable.networks.api.QuarterOutcomes;
import org.roundtable.networks.api.ReachGroupTotal;
import org.roundtable.networks.api.SharedFigures;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The network record over the embedded MongoDB server, reached through the real driver, fed a year of a network. */
class NetworkRecordProjectionTest {

    static final LocalDate TODAY = LocalDate.of(2024, 7, 1);
    static final Quarter Q4_2023 = new Quarter(2023, 4);
    static final Quarter Q1_2024 = new Quarter(2024, 1);

    static MongoServer server;
    static MongoClient client;

    MongoTemplate mongo;
    NetworkRecordProjection projection;
    AnnotationEventHandlerAdapter handler;
    QueryGateway queries;
    NetworkYear year;

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
    void setUp() throws Exception {
        mongo = new MongoTemplate(client, "networks-" + UUID.randomUUID());
        projection = new NetworkRecordProjection(mongo);
        handler = new AnnotationEventHandlerAdapter(projection);
        SimpleQueryBus bus = SimpleQueryBus.builder().build();
        new AnnotationQueryHandlerAdapter<>(projection).subscribe(bus);
        queries = DefaultQueryGateway.builder().queryBus(bus).build();
        year = new NetworkYear();
        deliver(year.messages);
    }

    void deliver(List<? extends EventMessage<?>> messages) throws Exception {
        for (EventMessage<?> message : messages) {
            handler.handle(message);
        }
    }

    QuarterOutcomes quarter(String tenant, Quarter quarter) {
        return queries.query(new FindQuarterOutcomes(tenant, NET, quarter, TODAY),
                ResponseTypes.optionalInstanceOf(QuarterOutcomes.class)).join().orElseThrow();
    }

    Optional<NetworkView> network(String tenant) {
        return queries.query(new FindNetwork(tenant, NET), ResponseTypes.optionalInstanceOf(NetworkView.class)).join();
    }

    @Test
    @DisplayName("the chair's signed Q4 2023 review shows the quarter as hand-computed, frozen at signing")
    void should_show_the_chair_the_signed_quarter_as_computed_by_hand() {
        QuarterOutcomes q4 = quarter(K, Q4_2023);

        assertThat(q4.from()).isEqualTo(LocalDate.of(2023, 10, 1));
        assertThat(q4.to()).isEqualTo(LocalDate.of(2023, 12, 31));
        // signed on 12 January: statuses are taken at the quarter's last day
        assertThat(q4.asOf()).isEqualTo(LocalDate.of(2023, 12, 31));
        assertThat(q4.meetings()).extracting(MeetingSummary::meetingId, MeetingSummary::status)
                .containsExactly(tuple("m2", "HELD"));

        // m2: present krefeld, police, schools, association, jobcentre; absent darmstadt, youth welfare, consumer advice
        assertThat(q4.attendance()).extracting(MemberAttendance::memberId, MemberAttendance::meetingsHeld,
                        MemberAttendance::attended, MemberAttendance::rate)
                .containsExactly(tuple(K, 1, 1, 1.0), tuple(D, 1, 0, 0.0), tuple(P, 1, 1, 1.0), tuple(S, 1, 1, 1.0),
                        tuple(Y, 1, 0, 0.0), tuple(A, 1, 1, 1.0), tuple(C, 1, 0, 0.0), tuple(U, 1, 1, 1.0));

        assertThat(q4.decisions()).extracting(DecisionView::decisionId, DecisionView::agendaItem, DecisionView::date)
                .containsExactly(tuple("d2", "Winter shelter", LocalDate.of(2023, 12, 7)),
                        tuple("d3", "Report on housing inspections", LocalDate.of(2023, 12, 7)));

        // i1-i3 were open when the quarter began; i4 and i5 were opened in it. i3 was done on 10 January, after
        // the quarter, and i5 (due 20 December) only after signing: both still open, i5 overdue.
        assertThat(q4.actionItems()).extracting(ActionItemView::actionItemId, ActionItemView::ownerMemberId,
                        ActionItemView::status, ActionItemView::overdue)
                .containsExactly(tuple("i2", D, ActionItemStatus.DONE, false),
                        tuple("i1", P, ActionItemStatus.DONE, false),
                        tuple("i3", S, ActionItemStatus.OPEN, false),
                        tuple("i5", A, ActionItemStatus.OPEN, true),
                        tuple("i4", Y, ActionItemStatus.OPEN, false));
        assertThat(q4.actionItemsByOwner()).containsExactly(
                new OwnerActionItems(D, D, 0, 1, 0, 0),
                new OwnerActionItems(P, "Polizeipräsidium Krefeld", 0, 1, 0, 0),
                new OwnerActionItems(S, "Fachbereich Schule", 0, 0, 1, 0),
                new OwnerActionItems(Y, "Fachbereich Jugendhilfe", 1, 0, 1, 0),
                new OwnerActionItems(A, "Romano Vereinigung", 1, 0, 1, 1));

        // krefeld's second share superseded its first; its share after signing is not part of the review
        assertThat(q4.figures()).extracting(SharedFigures::memberId, SharedFigures::programmeId, SharedFigures::figures)
                .containsExactly(tuple(K, "zuwanderung-soe", NetworkYear.KREFELD_Q4),
                        tuple(D, "kranichstein", NetworkYear.DARMSTADT_Q4));
        assertThat(q4.figures()).extracting(share -> share.figures().ledgerPosition()).containsExactly(1_300L, 1_204L);
        FigureTotals totals = q4.totals();
        assertThat(totals.shares()).isEqualTo(2);
        assertThat(totals.peopleReached()).isEqualTo(212 + 57);
        assertThat(totals.peopleReachedIncomplete()).isFalse();
        assertThat(totals.sessions()).isEqualTo(40 + 24);
        assertThat(totals.events()).isEqualTo(3 + 2);
        assertThat(totals.byReachGroup()).containsExactly(new ReachGroupTotal("bulgarian", 41, false),
                new ReachGroupTotal("immigrant", 26, false), new ReachGroupTotal("local", 31, true),
                new ReachGroupTotal("roma", 150, true));

        assertThat(q4.review()).isNotNull();
        assertThat(q4.review().summary()).startsWith("Winter shelter");
        assertThat(q4.review().signedOn()).isEqualTo(LocalDate.of(2024, 1, 12));
        assertThat(q4.review().signedBy()).isEqualTo("krefeld-chair");
        assertThat(q4.review().version()).isEqualTo(29);
        assertThat(q4.review().ledgerPosition()).isEqualTo(29 + NetworkYear.POSITION_OFFSET);
    }

    @Test
    void should_show_an_unsigned_quarter_as_of_its_last_day() {
        QuarterOutcomes q1 = quarter(K, Q1_2024);

        assertThat(q1.asOf()).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(q1.review()).isNull();
        // m3: absent schools and association; darmstadt was still a member
        assertThat(q1.attendance()).extracting(MemberAttendance::memberId, MemberAttendance::rate)
                .containsExactly(tuple(K, 1.0), tuple(D, 1.0), tuple(P, 1.0), tuple(S, 0.0), tuple(Y, 1.0),
                        tuple(A, 0.0), tuple(C, 1.0), tuple(U, 1.0));
        assertThat(q1.actionItems()).extracting(ActionItemView::actionItemId, ActionItemView::status, ActionItemView::overdue)
                .containsExactly(tuple("i3", ActionItemStatus.DONE, false), tuple("i5", ActionItemStatus.DONE, false),
                        tuple("i4", ActionItemStatus.OPEN, true), tuple("i6", ActionItemStatus.OPEN, false));
        assertThat(q1.actionItemsByOwner()).extracting(OwnerActionItems::memberId, OwnerActionItems::opened,
                        OwnerActionItems::done, OwnerActionItems::open, OwnerActionItems::overdue)
                .containsExactly(tuple(S, 0, 1, 0, 0), tuple(Y, 0, 0, 1, 1), tuple(A, 0, 1, 0, 0), tuple(C, 1, 0, 1, 0));
        assertThat(q1.figures()).isEmpty();
        assertThat(q1.totals().shares()).isZero();
    }

    @Test
    void should_take_a_running_quarter_as_of_today() {
        QuarterOutcomes q3 = queries.query(new FindQuarterOutcomes(K, NET, new Quarter(2024, 3), TODAY),
                ResponseTypes.optionalInstanceOf(QuarterOutcomes.class)).join().orElseThrow();
        assertThat(q3.asOf()).isEqualTo(TODAY);
        assertThat(q3.actionItems()).extracting(ActionItemView::actionItemId).containsExactly("i4", "i6", "i7");
    }

    @Test
    void should_list_every_open_item_past_its_due_date_by_owner() {
        OverdueActionItems overdue = queries.query(new FindOverdueActionItems(K, NET, TODAY),
                ResponseTypes.optionalInstanceOf(OverdueActionItems.class)).join().orElseThrow();

        assertThat(overdue.asOf()).isEqualTo(TODAY);
        assertThat(overdue.owners()).extracting(OverdueActionItems.Owner::memberId, OverdueActionItems.Owner::name)
                .containsExactly(tuple(Y, "Fachbereich Jugendhilfe"), tuple(C, "Verbraucherzentrale"));
        assertThat(overdue.owners().get(0).items()).extracting(ActionItemView::actionItemId).containsExactly("i4");
        assertThat(overdue.owners().get(1).items()).extracting(ActionItemView::actionItemId).containsExactly("i6");
    }

    @Test
    void should_show_a_meeting_with_its_agenda_attendance_decisions_and_items() {
        MeetingView m2 = queries.query(new FindMeeting(K, NET, "m2", TODAY),
                ResponseTypes.optionalInstanceOf(MeetingView.class)).join().orElseThrow();

        assertThat(m2.agenda()).extracting(item -> item.carriedActionItemId()).containsExactly(null, "i1", "i3");
        assertThat(m2.present()).containsExactly(K, P, S, A, U);
        assertThat(m2.absent()).containsExactly(D, Y, C);
        assertThat(m2.minutes()).isEqualTo("Minutes of December");
        assertThat(m2.minutesApproved()).isFalse();
        assertThat(m2.decisions()).extracting(DecisionView::decisionId).containsExactly("d2", "d3");
        assertThat(m2.actionItems()).extracting(ActionItemView::actionItemId, ActionItemView::status)
                .containsExactly(tuple("i4", ActionItemStatus.OPEN), tuple("i5", ActionItemStatus.DONE));
    }

    @Test
    void should_show_the_whole_network_with_its_members_to_a_current_member() {
        NetworkView view = network(K).orElseThrow();
        assertThat(view.version()).isEqualTo(40);
        assertThat(view.asOfLeaving()).isNull();
        assertThat(view.members()).hasSize(8);
        assertThat(view.members()).filteredOn(member -> member.memberId().equals(D))
                .singleElement().satisfies(member -> {
                    assertThat(member.active()).isFalse();
                    assertThat(member.leftOn()).isEqualTo(LocalDate.of(2024, 4, 10));
                    assertThat(member.kind()).isEqualTo("tenant");
                });
        assertThat(view.meetings()).extracting(MeetingSummary::meetingId).containsExactly("m1", "m2", "m3", "m4");
        assertThat(view.reviewedQuarters()).containsExactly(Q4_2023);
    }

    @Test
    void should_show_a_former_member_the_record_as_it_stood_when_it_left() {
        NetworkView view = network(D).orElseThrow();
        assertThat(view.asOfLeaving()).isEqualTo(LocalDate.of(2024, 4, 10));
        assertThat(view.version()).isEqualTo(36);
        assertThat(view.meetings()).extracting(MeetingSummary::meetingId).containsExactly("m1", "m2", "m3");

        assertThat(queries.query(new FindMeeting(D, NET, "m4", TODAY),
                ResponseTypes.optionalInstanceOf(MeetingView.class)).join()).isEmpty();
        assertThat(quarter(D, new Quarter(2024, 2)).meetings()).isEmpty();
        assertThat(quarter(D, new Quarter(2024, 2)).actionItems()).extracting(ActionItemView::actionItemId)
                .containsExactly("i4", "i6");
        assertThat(queries.query(new FindNetworks(D), ResponseTypes.multipleInstancesOf(NetworkSummary.class)).join())
                .containsExactly(new NetworkSummary(NET, "Arbeitskreis Südosteuropa", K, LocalDate.of(2023, 6, 15),
                        org.roundtable.networks.api.Cadence.QUARTERLY, false, LocalDate.of(2024, 4, 10)));
        assertThat(queries.query(new FindNetworkVersion(D, NET), Long.class).join()).isEqualTo(36L);
    }

    @Test
    void should_show_nothing_to_a_tenant_that_never_was_a_member() {
        assertThat(network("kent")).isEmpty();
        assertThat(queries.query(new FindNetworks("kent"), ResponseTypes.multipleInstancesOf(NetworkSummary.class)).join())
                .isEmpty();
        assertThat(queries.query(new FindNetworkVersion("kent", NET), Long.class).join()).isEqualTo(-1L);
        assertThat(queries.query(new FindQuarterOutcomes("kent", NET, Q4_2023, TODAY),
                ResponseTypes.optionalInstanceOf(QuarterOutcomes.class)).join()).isEmpty();
        assertThat(queries.query(new FindOverdueActionItems("kent", NET, TODAY),
                ResponseTypes.optionalInstanceOf(OverdueActionItems.class)).join()).isEmpty();
        assertThat(queries.query(new FindMeeting("kent", NET, "m1", TODAY),
                ResponseTypes.optionalInstanceOf(MeetingView.class)).join()).isEmpty();
    }

    @Test
    void should_ignore_redelivered_events_and_rebuild_the_same_record_after_a_reset() throws Exception {
        QuarterOutcomes before = quarter(K, Q4_2023);
        NetworkView networkBefore = network(K).orElseThrow();

        deliver(year.messages);
        assertThat(mongo.findById(NET, NetworkRecordDocument.class, NetworkRecordProjection.COLLECTION).journal).hasSize(41);
        assertThat(quarter(K, Q4_2023)).isEqualTo(before);

        projection.reset();
        assertThat(network(K)).isEmpty();
        deliver(year.messages);
        assertThat(quarter(K, Q4_2023)).isEqualTo(before);
        assertThat(network(K)).contains(networkBefore);
    }
}
