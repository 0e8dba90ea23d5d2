package org.roundtable.partnerships.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.roundtable.kernel.DomainException;
import org.roundtable.kernel.MetadataKeys;
import org.roundtable.participants.api.Consents;
import org.roundtable.partnerships.api.EndPartnership;
import org.roundtable.partnerships.api.FormPartnership;
import org.roundtable.partnerships.api.LogPartnershipMeeting;
import org.roundtable.partnerships.api.PartnershipCheckedIn;
import org.roundtable.partnerships.api.PartnershipEnded;
import org.roundtable.partnerships.api.PartnershipFormation;
import org.roundtable.partnerships.api.PartnershipFormed;
import org.roundtable.partnerships.api.PartnershipMeetingLogged;
import org.roundtable.partnerships.api.RecordCheckIn;

/**
 * An integration partnership between two participants of one tenant. Its state holds ids and dates
 * only. "One active partnership per pair" is a rule over many partnerships, so it is kept by the
 * {@link PairRegistry} within the same unit of work.
 */
@Aggregate
class Partnership {

    /** Reach-group codes a partnership is expected to join: one partner of each. */
    static final String LOCAL = "local";
    static final String IMMIGRANT = "immigrant";
    static final String NOT_LOCAL_AND_IMMIGRANT =
            "the partners are not one from reach group 'local' and one from reach group 'immigrant'";

    @AggregateIdentifier
    private String partnershipId;
    private String tenantId;
    private String firstPartnerId;
    private String secondPartnerId;
    private LocalDate formedOn;
    private LocalDate lastActivityOn;
    private boolean ended;
    private final Set<String> entryIds = new HashSet<>();

    Partnership() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    PartnershipFormation handle(FormPartnership command, @MetaDataValue(MetadataKeys.TENANT_ID) String tenantId,
                                ParticipantLookup participants, ProgrammeDirectory programmes, PairRegistry pairs) {
        Checks.tenantPresent(tenantId);
        String id = Checks.required("partnership id", command.partnershipId(), Checks.MAX_ID);
        String first = Checks.required("firstPartnerId", command.firstPartnerId(), Checks.MAX_ID);
        String second = Checks.required("secondPartnerId", command.secondPartnerId(), Checks.MAX_ID);
        if (first.equals(second)) {
            throw DomainException.rule("a partnership needs two different participants");
        }
        if (command.purposes().isEmpty()) {
            throw DomainException.rule("a partnership needs at least one purpose");
        }
        String coordinator = Checks.required("coordinatorId", command.coordinatorId(), Checks.MAX_ID);
        String programme = Checks.required("programmeId", command.programmeId(), Checks.MAX_ID);
        LocalDate formed = Checks.notInFuture("formedOn", command.formedOn());
        if (!programmes.exists(tenantId, programme)) {
            throw DomainException.rule("programme must be a programme of this agency");
        }
        ParticipantLookup.Candidate a = partner(participants, tenantId, first, "firstPartnerId");
        ParticipantLookup.Candidate b = partner(participants, tenantId, second, "secondPartnerId");
        List<String> warnings = new ArrayList<>();
        if (!localAndImmigrant(a, b) && !localAndImmigrant(b, a)) {
            warnings.add(NOT_LOCAL_AND_IMMIGRANT);
        }
        pairs.claim(tenantId, first, second, id);
        apply(new PartnershipFormed(id, tenantId, first, second, command.purposes(), coordinator, programme, formed));
        return new PartnershipFormation(AggregateLifecycle.getVersion(), warnings);
    }

    @CommandHandler
    long handle(LogPartnershipMeeting command, @MetaDataValue(MetadataKeys.TENANT_ID) String tenantId) {
        requireActive(tenantId);
        String id = newEntryId("meeting id", command.meetingId());
        LocalDate date = withinPartnership("meetingDate", command.meetingDate());
        apply(new PartnershipMeetingLogged(partnershipId, id, date,
                Checks.required("activity", command.activity(), Checks.MAX_NOTE)));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(RecordCheckIn command, @MetaDataValue(MetadataKeys.TENANT_ID) String tenantId) {
        requireActive(tenantId);
        String id = newEntryId("check-in id", command.checkInId());
        LocalDate date = withinPartnership("checkedOn", command.checkedOn());
        apply(new PartnershipCheckedIn(partnershipId, id, date, Checks.present("assessment", command.assessment()),
                Checks.optional("note", command.note(), Checks.MAX_NOTE)));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(EndPartnership command, @MetaDataValue(MetadataKeys.TENANT_ID) String tenantId, PairRegistry pairs) {
        requireActive(tenantId);
        LocalDate endedOn = withinPartnership("endedOn", command.endedOn());
        if (lastActivityOn != null && endedOn.isBefore(lastActivityOn)) {
            throw DomainException.rule("endedOn lies before the last meeting or check-in");
        }
        apply(new PartnershipEnded(partnershipId, Checks.present("outcome", command.outcome()),
                Checks.required("reason", command.reason(), Checks.MAX_REASON), endedOn));
        pairs.release(tenantId, firstPartnerId, secondPartnerId, partnershipId);
        return AggregateLifecycle.getVersion();
    }

    @EventSourcingHandler
    void on(PartnershipFormed event) {
        partnershipId = event.partnershipId();
        tenantId = event.tenantId();
        firstPartnerId = event.firstPartnerId();
        secondPartnerId = event.secondPartnerId();
        formedOn = event.formedOn();
    }

    @EventSourcingHandler
    void on(PartnershipMeetingLogged event) {
        entryIds.add(event.meetingId());
        lastActivityOn = later(lastActivityOn, event.meetingDate());
    }

    @EventSourcingHandler
    void on(PartnershipCheckedIn event) {
        entryIds.add(event.checkInId());
        lastActivityOn = later(lastActivityOn, event.checkedOn());
    }

    @EventSourcingHandler
    void on(PartnershipEnded event) {
        ended = true;
    }

    private static ParticipantLookup.Candidate partner(ParticipantLookup participants, String tenantId, String id,
                                                       String field) {
        // another tenant's participant is refused exactly like one that does not exist
        ParticipantLookup.Candidate candidate = participants.find(tenantId, id)
                .orElseThrow(() -> DomainException.rule(field + " must be a participant of this agency"));
        if (candidate.erased()) {
            throw DomainException.rule(field + " refers to a participant who has been erased");
        }
        if (!candidate.consentsInForce().contains(Consents.PROGRAMME_RECORDS)) {
            throw DomainException.rule(field + " needs consent for purpose " + Consents.PROGRAMME_RECORDS + " in force");
        }
        return candidate;
    }

    private static boolean localAndImmigrant(ParticipantLookup.Candidate local, ParticipantLookup.Candidate immigrant) {
        return local.reachGroups().contains(LOCAL) && immigrant.reachGroups().contains(IMMIGRANT);
    }

    private void requireTenant(String tenant) {
        // another tenant's partnership must look exactly like a missing one
        if (!tenantId.equals(tenant)) {
            throw DomainException.notFound("partnership");
        }
    }

    private void requireActive(String tenant) {
        requireTenant(tenant);
        if (ended) {
            throw DomainException.conflict("partnership has ended; nothing more can be recorded on it");
        }
    }

    private String newEntryId(String field, String id) {
        String entryId = Checks.required(field, id, Checks.MAX_ID);
        if (entryIds.contains(entryId)) {
            throw DomainException.conflict(field + " already recorded");
        }
        return entryId;
    }

    private LocalDate withinPartnership(String field, LocalDate date) {
        Checks.notInFuture(field, date);
        if (date.isBefore(formedOn)) {
            throw DomainException.rule(field + " lies before the partnership was formed");
        }
        return date;
    }

    private static LocalDate later(LocalDate current, LocalDate candidate) {
        return current == null || candidate.isAfter(current) ? candidate : current;
    }
}
