package org.roundtable.programmes.command;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.axonframework.config.Configuration;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Answers the aggregates' reference checks: programmes and activities are loaded from their
 * repositories inside the running unit of work (the event store, not a lagging read model);
 * participants come from the attendee directory; partners and time zones from optional ports.
 */
@Component
class AggregateProgrammeReferences implements ProgrammeReferences {

    // Lazy: the Axon configuration is built after the beans that command handlers resolve.
    private final ObjectProvider<Configuration> axon;
    private final ObjectProvider<AttendeeDirectory> attendees;
    private final ObjectProvider<PartnerOrganisationDirectory> partners;
    private final ObjectProvider<TenantTimeZones> zones;
    private final Clock clock = Clock.systemUTC();

    AggregateProgrammeReferences(ObjectProvider<Configuration> axon, ObjectProvider<AttendeeDirectory> attendees,
                                 ObjectProvider<PartnerOrganisationDirectory> partners,
                                 ObjectProvider<TenantTimeZones> zones) {
        this.axon = axon;
        this.attendees = attendees;
        this.partners = partners;
        this.zones = zones;
    }

    @Override
    public Optional<ProgrammeFacts> programme(String tenantId, String programmeId) {
        try {
            return axon.getObject().repository(Programme.class).load(programmeId)
                    .invoke(programme -> programme.factsFor(tenantId));
        } catch (AggregateNotFoundException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<ActivityFacts> activity(String tenantId, String activityId) {
        try {
            return axon.getObject().repository(Activity.class).load(activityId)
                    .invoke(activity -> activity.factsFor(tenantId));
        } catch (AggregateNotFoundException e) {
            return Optional.empty();
        }
    }

    @Override
    public Map<String, AttendeeFacts> attendees(String tenantId, Collection<String> participantIds) {
        return attendees.getObject().find(tenantId, participantIds);
    }

    @Override
    public boolean partnerActive(String tenantId, String organisationId) {
        PartnerOrganisationDirectory directory = partners.getIfAvailable();
        return directory == null || directory.isActive(tenantId, organisationId);
    }

    @Override
    public LocalDate today(String tenantId) {
        TenantTimeZones directory = zones.getIfAvailable();
        return LocalDate.now(clock.withZone(directory == null ? ZoneOffset.UTC : directory.zoneOf(tenantId)));
    }
}
