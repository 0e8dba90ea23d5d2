package org.roundtable.networks.api;

/**
 * Every event of a network's shared record. None of them may carry personal data: minutes,
 * decisions and notes are about the work, and members are organisations, never people.
 */
public sealed interface NetworkEvent permits NetworkFounded, MemberAdmitted, MemberRoleChanged, MemberLeft,
        MeetingScheduled, MeetingHeld, MinutesRevised, MinutesApproved, MinutesAmended, DecisionRecorded,
        ActionItemOpened, ActionItemProgressed, FiguresShared, QuarterReviewSigned {

    String networkId();
}
