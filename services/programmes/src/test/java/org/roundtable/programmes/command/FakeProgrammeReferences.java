package org.roundtable.programmes.command;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reference checks answered from maps, with a fixed today. */
final class FakeProgrammeReferences implements ProgrammeReferences {

    private final Map<String, Map<String, ProgrammeFacts>> programmes = new HashMap<>();
    private final Map<String, Map<String, ActivityFacts>> activities = new HashMap<>();
    private final Map<String, Map<String, AttendeeFacts>> participants = new HashMap<>();
    private final Set<String> inactivePartners = new HashSet<>();
    private LocalDate today;

    FakeProgrammeReferences(LocalDate today) {
        this.today = today;
    }

    FakeProgrammeReferences withProgramme(String tenant, ProgrammeFacts programme) {
        programmes.computeIfAbsent(tenant, t -> new HashMap<>()).put(programme.programmeId(), programme);
        return this;
    }

    FakeProgrammeReferences withActivity(String tenant, ActivityFacts activity) {
        activities.computeIfAbsent(tenant, t -> new HashMap<>()).put(activity.activityId(), activity);
        return this;
    }

    FakeProgrammeReferences withParticipant(String tenant, AttendeeFacts participant) {
        participants.computeIfAbsent(tenant, t -> new HashMap<>()).put(participant.participantId(), participant);
        return this;
    }

    FakeProgrammeReferences withInactivePartner(String organisationId) {
        inactivePartners.add(organisationId);
        return this;
    }

    @Override
    public Optional<ProgrammeFacts> programme(String tenantId, String programmeId) {
        return Optional.ofNullable(programmes.getOrDefault(tenantId, Map.of()).get(programmeId));
    }

    @Override
    public Optional<ActivityFacts> activity(String tenantId, String activityId) {
        return Optional.ofNullable(activities.getOrDefault(tenantId, Map.of()).get(activityId));
    }

    @Override
    public Map<String, AttendeeFacts> attendees(String tenantId, Collection<String> participantIds) {
        Map<String, AttendeeFacts> found = new LinkedHashMap<>();
        for (String id : participantIds) {
            AttendeeFacts facts = participants.getOrDefault(tenantId, Map.of()).get(id);
            if (facts != null) {
                found.put(id, facts);
            }
        }
        return found;
    }

    @Override
    public boolean partnerActive(String tenantId, String organisationId) {
        return !inactivePartners.contains(organisationId);
    }

    @Override
    public LocalDate today(String tenantId) {
        return today;
    }
}
