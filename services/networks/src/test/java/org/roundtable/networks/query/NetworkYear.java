package org.roundtable.networks.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.roundtable.kernel.MetadataKeys;
import org.roundtable.networks.api.ActionItemOpened;
import org.roundtable.networks.api.ActionItemProgressed;
import org.roundtable.networks.api.ActionItemStatus;
import org.roundtable.networks.api.AgendaItem;
import org.roundtable.networks.api.Cadence;
import org.roundtable.networks.api.DecisionRecorded;
import org.roundtable.networks.api.FiguresShared;
import org.roundtable.networks.api.MeetingHeld;
import org.roundtable.networks.api.MeetingScheduled;
import org.roundtable.networks.api.MemberAdmitted;
import org.roundtable.networks.api.MemberLeft;
import org.roundtable.networks.api.MinutesApproved;
import org.roundtable.networks.api.NetworkEvent;
import org.roundtable.networks.api.NetworkFounded;
import org.roundtable.networks.api.Quarter;
import org.roundtable.networks.api.QuarterFigures;
import org.roundtable.networks.api.QuarterReviewSigned;
import org.roundtable.networks.api.ReachGroupFigure;

/**
 * A year of a Krefeld-like Arbeitskreis: eight members (krefeld chairs, darmstadt is the other
 * tenant), four quarterly meetings, decisions, items carried forward, figures shared by two
 * agencies, a signed Q4 2023 review and darmstadt leaving in April 2024. Each event is delivered as
 * the ledger would: in order, with its sequence number, timestamp, actor and ledger position
 * (sequence + 1000).
 */
public final class NetworkYear {

    public static final String NET = "ak-suedosteuropa";
    public static final String K = "krefeld";
    public static final String D = "darmstadt";
    public static final String P = "0b6f3c1e-5d0a-4c43-9a3e-1f9f8c0e2a01";
    public static final String S = "5a2d7e90-3b1c-4f7a-8e6d-2c4b9a1f0d02";
    public static final String Y = "9c4e1a7b-2d3f-4b6a-9e8d-3f5c0b2a1e03";
    public static final String A = "1d7b3e5f-6a2c-4d8e-b0f1-4a6c8e0b2d04";
    public static final String C = "7e9a1c3d-5b7f-4e0a-8c2d-5b7d9f1a3c05";
    public static final String U = "3f5b7d9e-1a3c-4e6b-a8d0-6c8e0a2b4d06";
    public static final long POSITION_OFFSET = 1000;

    public static final QuarterFigures KREFELD_Q4_FIRST = new QuarterFigures(200, false, 38, 3,
            List.of(new ReachGroupFigure("roma", 140, false)), 1_250);
    public static final QuarterFigures KREFELD_Q4 = new QuarterFigures(212, false, 40, 3,
            List.of(new ReachGroupFigure("roma", 150, false), new ReachGroupFigure("local", null, true),
                    new ReachGroupFigure("bulgarian", 41, false)), 1_300);
    public static final QuarterFigures DARMSTADT_Q4 = new QuarterFigures(57, false, 24, 2,
            List.of(new ReachGroupFigure("local", 31, false), new ReachGroupFigure("immigrant", 26, false),
                    new ReachGroupFigure("roma", null, true)), 1_204);
    public static final QuarterFigures KREFELD_Q4_AFTER_SIGNING = new QuarterFigures(215, false, 41, 3, List.of(), 1_500);

    public final List<GenericTrackedDomainEventMessage<?>> messages = new ArrayList<>();

    public NetworkYear() {
        LocalDate founded = LocalDate.of(2023, 6, 15);
        add("2023-06-15", "krefeld-admin", new NetworkFounded(NET, K, "Arbeitskreis Südosteuropa", founded,
                Cadence.QUARTERLY, "Coordinate the city's work with newcomers from south-eastern Europe"));
        add("2023-06-15", "krefeld-admin", new MemberAdmitted(NET, K, K, null, "Kommunales Integrationszentrum", founded));
        add("2023-06-15", "krefeld-admin", new MemberAdmitted(NET, D, D, null, "welfare organisation", founded));
        add("2023-06-15", "krefeld-admin", organisation(P, "Polizeipräsidium Krefeld", "police", founded));
        add("2023-06-15", "krefeld-admin", organisation(S, "Fachbereich Schule", "school department", founded));
        add("2023-06-15", "krefeld-admin", organisation(Y, "Fachbereich Jugendhilfe", "youth welfare", founded));
        add("2023-06-15", "krefeld-admin", organisation(A, "Romano Vereinigung", "migrant association", founded));
        add("2023-06-15", "krefeld-admin", organisation(C, "Verbraucherzentrale", "consumer advice centre", founded));
        // 8
        add("2023-08-01", "krefeld-chair", new MeetingScheduled(NET, "m1", LocalDate.of(2023, 9, 14), "Rathaus",
                List.of(new AgendaItem("1", "School attendance", null), new AgendaItem("2", "Housing inspections", null))));
        add("2023-09-14", "krefeld-chair", new MeetingHeld(NET, "m1", List.of(K, D, P, S, Y), List.of(A, C), "Minutes of September"));
        add("2023-09-14", "krefeld-chair", new DecisionRecorded(NET, "m1", "d1", "1", "Mediators visit the schools monthly"));
        add("2023-09-14", "krefeld-chair", item("i1", "m1", "Report on housing inspections", P, "2023-11-30"));
        add("2023-09-14", "krefeld-chair", item("i2", "m1", "Questionnaire in simple language", D, "2023-10-31"));
        add("2023-09-14", "krefeld-chair", item("i3", "m1", "School absence figures", S, "2023-12-31"));
        add("2023-09-20", "krefeld-chair", new MinutesApproved(NET, "m1"));
        // 15
        add("2023-10-01", "krefeld-admin", organisation(U, "Jobcenter Krefeld", "unemployment centre", LocalDate.of(2023, 10, 1)));
        add("2023-10-20", "darmstadt-staff", progress("i2", ActionItemStatus.DONE, "sent to all members"));
        add("2023-11-15", "krefeld-chair", progress("i1", ActionItemStatus.IN_PROGRESS, "inspections under way"));
        add("2023-11-20", "krefeld-chair", new MeetingScheduled(NET, "m2", LocalDate.of(2023, 12, 7), "Rathaus",
                List.of(new AgendaItem("1", "Winter shelter", null),
                        new AgendaItem("2", "Report on housing inspections", "i1"),
                        new AgendaItem("3", "School absence figures", "i3"))));
        add("2023-12-07", "krefeld-chair", new MeetingHeld(NET, "m2", List.of(K, P, S, A, U), List.of(D, Y, C), "Minutes of December"));
        // 20
        add("2023-12-07", "krefeld-chair", new DecisionRecorded(NET, "m2", "d2", "1", "Open the winter shelter info point"));
        add("2023-12-07", "krefeld-chair", new DecisionRecorded(NET, "m2", "d3", "2", "Report accepted; inspections continue"));
        add("2023-12-07", "krefeld-chair", item("i4", "m2", "Youth centre opening hours", Y, "2024-01-31"));
        add("2023-12-07", "krefeld-chair", item("i5", "m2", "Plan International Roma Day", A, "2023-12-20"));
        add("2023-12-07", "krefeld-chair", progress("i1", ActionItemStatus.DONE, "reported"));
        // 25
        add("2024-01-05", "krefeld-admin", share(K, "zuwanderung-soe", KREFELD_Q4_FIRST));
        add("2024-01-08", "darmstadt-admin", share(D, "kranichstein", DARMSTADT_Q4));
        add("2024-01-09", "krefeld-admin", share(K, "zuwanderung-soe", KREFELD_Q4));
        add("2024-01-10", "krefeld-chair", progress("i3", ActionItemStatus.DONE, "figures presented"));
        add("2024-01-12", "krefeld-chair", new QuarterReviewSigned(NET, new Quarter(2023, 4),
                "Winter shelter info point opened; Roma Day planning late", LocalDate.of(2024, 1, 12)));
        // 30
        add("2024-01-15", "krefeld-chair", progress("i5", ActionItemStatus.DONE, "planned"));
        add("2024-01-20", "krefeld-admin", share(K, "zuwanderung-soe", KREFELD_Q4_AFTER_SIGNING));
        add("2024-02-20", "krefeld-chair", new MeetingScheduled(NET, "m3", LocalDate.of(2024, 3, 14), "Rathaus",
                List.of(new AgendaItem("1", "Labour exploitation day", null),
                        new AgendaItem("2", "Youth centre opening hours", "i4"))));
        add("2024-03-14", "krefeld-chair", new MeetingHeld(NET, "m3", List.of(K, D, P, Y, C, U), List.of(S, A), "Minutes of March"));
        add("2024-03-14", "krefeld-chair", new DecisionRecorded(NET, "m3", "d4", "1", "Hold the day in May"));
        // 35
        add("2024-03-14", "krefeld-chair", item("i6", "m3", "Consumer advice leaflet", C, "2024-04-30"));
        add("2024-04-10", "darmstadt-admin", new MemberLeft(NET, D, LocalDate.of(2024, 4, 10), false, "project ended"));
        add("2024-05-20", "krefeld-chair", new MeetingScheduled(NET, "m4", LocalDate.of(2024, 6, 13), "Rathaus",
                List.of(new AgendaItem("1", "Review of the year", null),
                        new AgendaItem("2", "Youth centre opening hours", "i4"),
                        new AgendaItem("3", "Consumer advice leaflet", "i6"))));
        add("2024-06-13", "krefeld-chair", new MeetingHeld(NET, "m4", List.of(K, P, S, Y, A), List.of(C, U), "Minutes of June"));
        add("2024-06-13", "krefeld-chair", new DecisionRecorded(NET, "m4", "d5", "1", "Continue in the same form"));
        // 40
        add("2024-06-13", "krefeld-chair", item("i7", "m4", "Police contact day", P, "2024-09-30"));
    }

    private void add(String day, String actor, NetworkEvent event) {
        long sequence = messages.size();
        GenericDomainEventMessage<NetworkEvent> message = new GenericDomainEventMessage<>("Network", NET, sequence, event,
                Map.of(MetadataKeys.ACTOR_ID, actor, MetadataKeys.TENANT_ID, actor.substring(0, actor.indexOf('-'))),
                UUID.randomUUID().toString(), Instant.parse(day + "T10:00:00Z").plusSeconds(sequence));
        messages.add(new GenericTrackedDomainEventMessage<>(
                new GlobalSequenceTrackingToken(sequence + POSITION_OFFSET), message));
    }

    private static MemberAdmitted organisation(String id, String name, String role, LocalDate on) {
        return new MemberAdmitted(NET, id, null, name, role, on);
    }

    private static ActionItemOpened item(String id, String meeting, String description, String owner, String due) {
        return new ActionItemOpened(NET, id, meeting, description, owner, LocalDate.parse(due));
    }

    private static ActionItemProgressed progress(String id, ActionItemStatus status, String note) {
        return new ActionItemProgressed(NET, id, status, note);
    }

    private static FiguresShared share(String member, String programme, QuarterFigures figures) {
        return new FiguresShared(NET, member, new Quarter(2023, 4), programme, figures);
    }
}
