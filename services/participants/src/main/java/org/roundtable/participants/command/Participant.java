package org.roundtable.participants.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.roundtable.kernel.DomainException;
import org.roundtable.kernel.MetadataKeys;
import org.roundtable.participants.api.ConsentGiven;
import org.roundtable.participants.api.ConsentGrant;
import org.roundtable.participants.api.ConsentWithdrawn;
import org.roundtable.participants.api.Consents;
import org.roundtable.participants.api.CorrectParticipant;
import org.roundtable.participants.api.EraseParticipant;
import org.roundtable.participants.api.GiveConsent;
import org.roundtable.participants.api.ParticipantCorrected;
import org.roundtable.participants.api.ParticipantErased;
import org.roundtable.participants.api.ParticipantRegistered;
import org.roundtable.participants.api.ReachGroupsDropped;
import org.roundtable.participants.api.RegisterParticipant;
import org.roundtable.participants.api.WithdrawConsent;

/**
 * A person the programme works with. Its state holds only what its rules need (tenant, status,
 * guardian, consents, reach groups): snapshots are stored unencrypted, so no personal data lives here.
 * Every command handler answers with the aggregate version after the command, which the web layer
 * uses as ETag and to wait for the read model.
 */
@Aggregate
class Participant {

    static final int MAX_NAME = 200;
    static final int MAX_TEXT = 100;
    static final int MAX_REASON = 500;
    static final int MAX_LIST = 20;
    static final int EARLIEST_BIRTH_YEAR = 1900;

    @AggregateIdentifier
    private String participantId;
    private String tenantId;
    private boolean erased;
    private String guardianId;
    private final Map<String, String> consents = new HashMap<>();
    private final Set<String> reachGroups = new HashSet<>();

    Participant() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    long handle(RegisterParticipant command, @MetaDataValue(MetadataKeys.TENANT_ID) String tenantId,
                ReferenceChecks checks) {
        if (tenantId == null) {
            throw new IllegalStateException("command without tenant metadata");
        }
        if (command.participantId() == null || command.participantId().isBlank()) {
            throw DomainException.rule("participant id is required");
        }
        String fullName = requiredName(command.fullName());
        Integer birthYear = birthYear(command.birthDate(), command.birthYear());
        if (birthYear == null) {
            throw DomainException.rule("birthDate or birthYear is required");
        }
        checkCountry(command.countryOfOrigin());
        checkLanguages(command.languages());
        checkText("gender", command.gender(), MAX_TEXT);
        checkText("town", command.town(), MAX_TEXT);
        String guardian = command.guardianId();
        if (guardian != null) {
            checkGuardian(guardian, command.participantId(), tenantId, checks);
        }
        Map<String, String> granted = new HashMap<>();
        for (ConsentGrant grant : command.consents()) {
            checkConsent(grant.purpose(), grant.givenBy(), guardian);
            if (granted.put(grant.purpose(), grant.givenBy()) != null) {
                throw DomainException.rule("consent purpose given twice: " + grant.purpose());
            }
        }
        checkReachGroups(command.reachGroups(), granted.containsKey(Consents.SPECIAL_CATEGORY), tenantId, checks);

        apply(new ParticipantRegistered(command.participantId(), tenantId, fullName, command.birthDate(), birthYear,
                blankToNull(command.gender()), command.countryOfOrigin(), command.languages(),
                blankToNull(command.town()), guardian, command.reachGroups()));
        for (ConsentGrant grant : command.consents()) {
            apply(new ConsentGiven(command.participantId(), grant.purpose(), grant.givenBy()));
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(CorrectParticipant command, @MetaDataValue(MetadataKeys.TENANT_ID) String tenantId,
                ReferenceChecks checks) {
        requireActive(tenantId);
        if (command.changesNothing()) {
            return AggregateLifecycle.getVersion();
        }
        Set<String> cleared = new HashSet<>(command.cleared());
        for (String field : cleared) {
            if (!CorrectParticipant.CLEARABLE.contains(field)) {
                throw DomainException.rule("field cannot be removed: " + field);
            }
        }
        String fullName = command.fullName() == null ? null : requiredName(command.fullName());
        Integer birthYear = birthYear(command.birthDate(), command.birthYear());
        if (command.birthDate() == null && command.birthYear() != null) {
            // a year alone replaces whatever birth date was known
            cleared.add("birthDate");
        } else if (command.birthDate() != null && cleared.contains("birthDate")) {
            throw DomainException.rule("birthDate both set and removed");
        }
        checkCountry(command.countryOfOrigin());
        if (command.languages() != null) {
            checkLanguages(command.languages());
        }
        checkText("gender", command.gender(), MAX_TEXT);
        checkText("town", command.town(), MAX_TEXT);
        checkText("reason", command.reason(), MAX_REASON);
        if (command.guardianId() != null) {
            checkGuardian(command.guardianId(), participantId, tenantId, checks);
        }
        if (cleared.contains("guardianId") && consents.containsValue(Consents.GIVEN_BY_GUARDIAN)) {
            throw DomainException.rule("guardian cannot be removed while a consent given by the guardian is in force");
        }
        if (command.reachGroups() != null) {
            checkReachGroups(command.reachGroups(), consents.containsKey(Consents.SPECIAL_CATEGORY), tenantId, checks);
        }
        apply(new ParticipantCorrected(participantId, fullName, command.birthDate(), birthYear, command.gender(),
                command.countryOfOrigin(), command.languages(), command.town(), command.guardianId(),
                command.reachGroups(), cleared, blankToNull(command.reason())));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(GiveConsent command, @MetaDataValue(MetadataKeys.TENANT_ID) String tenantId) {
        requireActive(tenantId);
        checkConsent(command.purpose(), command.givenBy(), guardianId);
        if (!command.givenBy().equals(consents.get(command.purpose()))) {
            apply(new ConsentGiven(participantId, command.purpose(), command.givenBy()));
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(WithdrawConsent command, @MetaDataValue(MetadataKeys.TENANT_ID) String tenantId) {
        requireActive(tenantId);
        if (!consents.containsKey(command.purpose())) {
            throw DomainException.rule("no consent in force for this purpose");
        }
        Set<String> dependent = Consents.SPECIAL_CATEGORY.equals(command.purpose()) ? Set.copyOf(reachGroups) : Set.of();
        apply(new ConsentWithdrawn(participantId, command.purpose()));
        if (!dependent.isEmpty()) {
            apply(new ReachGroupsDropped(participantId, dependent, command.purpose()));
        }
        return AggregateLifecycle.getVersion();
    }

    /**
     * Erasing twice is idempotent: no second event, but the key is destroyed again, so an erasure
     * whose key destruction failed after commit can simply be retried.
     */
    @CommandHandler
    long handle(EraseParticipant command, @MetaDataValue(MetadataKeys.TENANT_ID) String tenantId,
                SubjectEraser eraser) {
        requireTenant(tenantId);
        checkText("reason", command.reason(), MAX_REASON);
        if (!erased) {
            apply(new ParticipantErased(participantId, blankToNull(command.reason())));
        }
        String subject = participantId;
        CurrentUnitOfWork.get().afterCommit(unitOfWork -> eraser.erase(subject));
        return AggregateLifecycle.getVersion();
    }

    @EventSourcingHandler
    void on(ParticipantRegistered event) {
        participantId = event.participantId();
        tenantId = event.tenantId();
        guardianId = event.guardianId();
        reachGroups.addAll(event.reachGroups());
    }

    @EventSourcingHandler
    void on(ParticipantCorrected event) {
        if (event.guardianId() != null) {
            guardianId = event.guardianId();
        } else if (event.cleared().contains("guardianId")) {
            guardianId = null;
        }
        if (event.reachGroups() != null || event.cleared().contains("reachGroups")) {
            reachGroups.clear();
            if (event.reachGroups() != null) {
                reachGroups.addAll(event.reachGroups());
            }
        }
    }

    @EventSourcingHandler
    void on(ConsentGiven event) {
        consents.put(event.purpose(), event.givenBy());
    }

    @EventSourcingHandler
    void on(ConsentWithdrawn event) {
        consents.remove(event.purpose());
    }

    @EventSourcingHandler
    void on(ReachGroupsDropped event) {
        reachGroups.removeAll(event.reachGroups());
    }

    @EventSourcingHandler
    void on(ParticipantErased event) {
        erased = true;
    }

    /** Whether this participant may be referenced (e.g. as a guardian) by the given tenant. */
    boolean isActiveIn(String tenant) {
        return tenantId.equals(tenant) && !erased;
    }

    private void requireTenant(String tenant) {
        // another tenant's participant must look exactly like a missing one
        if (!tenantId.equals(tenant)) {
            throw DomainException.notFound("participant");
        }
    }

    private void requireActive(String tenant) {
        requireTenant(tenant);
        if (erased) {
            throw DomainException.conflict("participant has been erased");
        }
    }

    private static String requiredName(String fullName) {
        String name = fullName == null ? "" : fullName.strip();
        if (name.isEmpty() || name.length() > MAX_NAME) {
            throw DomainException.rule("fullName must be 1-" + MAX_NAME + " characters");
        }
        return name;
    }

    private static Integer birthYear(LocalDate birthDate, Integer birthYear) {
        int thisYear = Year.now(ZoneOffset.UTC).getValue();
        if (birthDate != null) {
            if (birthDate.isAfter(LocalDate.now(ZoneOffset.UTC).plusDays(1))) {
                throw DomainException.rule("birthDate lies in the future");
            }
            if (birthYear != null && birthYear != birthDate.getYear()) {
                throw DomainException.rule("birthYear does not match birthDate");
            }
            birthYear = birthDate.getYear();
        }
        if (birthYear != null && (birthYear < EARLIEST_BIRTH_YEAR || birthYear > thisYear)) {
            throw DomainException.rule("birthYear must be between " + EARLIEST_BIRTH_YEAR + " and this year");
        }
        return birthYear;
    }

    private static void checkCountry(String country) {
        if (country != null && !IsoCodes.isCountry(country)) {
            throw DomainException.rule("countryOfOrigin must be an ISO 3166 alpha-2 code");
        }
    }

    private static void checkLanguages(List<String> languages) {
        if (languages.size() > MAX_LIST) {
            throw DomainException.rule("at most " + MAX_LIST + " languages");
        }
        for (String language : languages) {
            if (!IsoCodes.isLanguage(language)) {
                throw DomainException.rule("languages must be ISO 639 codes");
            }
        }
    }

    private static void checkText(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw DomainException.rule(field + " must be at most " + max + " characters");
        }
    }

    private static void checkGuardian(String guardian, String self, String tenant, ReferenceChecks checks) {
        if (guardian.equals(self)) {
            throw DomainException.rule("a participant cannot be their own guardian");
        }
        if (!checks.activeParticipant(tenant, guardian)) {
            throw DomainException.rule("guardian must be a registered participant who has not been erased");
        }
    }

    private static void checkConsent(String purpose, String givenBy, String guardian) {
        if (!Consents.isValidPurpose(purpose)) {
            throw DomainException.rule("consent purpose must match " + Consents.CODE_REGEX);
        }
        if (!Consents.isValidGivenBy(givenBy)) {
            throw DomainException.rule("consent givenBy must be 'self' or 'guardian'");
        }
        if (Consents.GIVEN_BY_GUARDIAN.equals(givenBy) && guardian == null) {
            throw DomainException.rule("consent can be given by a guardian only for a participant with a guardian");
        }
    }

    private static void checkReachGroups(Set<String> groups, boolean specialCategoryConsent, String tenant,
                                         ReferenceChecks checks) {
        if (groups.isEmpty()) {
            return;
        }
        if (groups.size() > MAX_LIST) {
            throw DomainException.rule("at most " + MAX_LIST + " reach groups");
        }
        if (!specialCategoryConsent) {
            throw DomainException.rule("reach groups need consent for purpose " + Consents.SPECIAL_CATEGORY);
        }
        for (String code : groups) {
            if (!checks.reachGroupDefined(tenant, code)) {
                throw DomainException.rule("unknown reach group: " + code);
            }
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
