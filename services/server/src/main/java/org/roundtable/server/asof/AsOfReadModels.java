package org.roundtable.server.asof;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.GenericQueryMessage;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;
import org.roundtable.kernel.Caller;
import org.roundtable.kernel.DomainException;
import org.roundtable.kernel.MetadataKeys;
import org.roundtable.kernel.ProblemType;
import org.roundtable.networks.api.FindNetwork;
import org.roundtable.networks.api.FindQuarterOutcomes;
import org.roundtable.networks.api.NetworkEvent;
import org.roundtable.networks.api.NetworkView;
import org.roundtable.networks.api.Quarter;
import org.roundtable.networks.api.QuarterOutcomes;
import org.roundtable.networks.query.NetworkRecordProjection;
import org.roundtable.participants.api.FindParticipants;
import org.roundtable.participants.api.ParticipantPage;
import org.roundtable.participants.query.ParticipantDirectoryProjection;
import org.roundtable.programmes.api.FindProgrammeReport;
import org.roundtable.programmes.api.ProgrammeReport;
import org.roundtable.programmes.query.ParticipantFactsProjection;
import org.roundtable.programmes.query.ProgrammeAttendanceProjection;
import org.roundtable.programmes.query.ProgrammeCatalogueProjection;
import org.roundtable.programmes.query.ProgrammeReportQueries;
import org.roundtable.programmes.query.ReportingProperties;
import org.roundtable.server.asof.LedgerReplay.Replayed;
import org.roundtable.server.asof.ScratchDatabases.Scratch;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Read models as they stood at a ledger position. Each answer builds its own: a scratch database, fresh
 * instances of the live projection classes writing to it, the ledger replayed into them up to the position,
 * and the live query handler asked on top, so the answer is what the live endpoint answered (or would have
 * answered) with the read model at that position, in the same shape. Agencies' read models are fed only the
 * caller's tenant's events; a network's record, which spans tenants, only that network's events.
 */
@Component
class AsOfReadModels {

    private final LedgerReplay replay;
    private final ScratchDatabases scratch;
    private final EventStorageEngine ledger;
    private final QueryGateway liveQueries;
    private final ReportingProperties reporting;
    private final Semaphore replays;
    private final AsOfProperties properties;
    private final Clock clock = Clock.systemUTC();

    AsOfReadModels(LedgerReplay replay, ScratchDatabases scratch, EventStorageEngine ledger, QueryGateway liveQueries,
                   ReportingProperties reporting, AsOfProperties properties) {
        this.replay = replay;
        this.scratch = scratch;
        this.ledger = ledger;
        this.liveQueries = liveQueries;
        this.reporting = reporting;
        this.properties = properties;
        this.replays = new Semaphore(properties.maxConcurrentReplays(), true);
    }

    /** The caller's agency's participant directory, a page of it, as of a point. */
    Answer<ParticipantPage> participants(Caller caller, FindParticipants query, AsOf asOf) {
        return rebuild(asOf, ofTenant(caller), template -> List.of(new ParticipantDirectoryProjection(template)),
                (projections, replayed) -> ask(projections.get(0), query, ResponseTypes.instanceOf(ParticipantPage.class)));
    }

    /** A programme's report of the caller's agency as of a point; empty if the agency had no such programme then. */
    Answer<Optional<ProgrammeReport>> programmeReport(Caller caller, String programmeId, LocalDate from, LocalDate to,
                                                      AsOf asOf) {
        return rebuild(asOf, ofTenant(caller), template -> List.of(new ProgrammeCatalogueProjection(template),
                        new ProgrammeAttendanceProjection(template), new ParticipantFactsProjection(template),
                        new ProgrammeReportQueries(template, reporting)),
                (projections, replayed) -> Optional.ofNullable(ask(projections.get(3),
                                new FindProgrammeReport(caller.tenant(), programmeId, from, to),
                                ResponseTypes.instanceOf(ProgrammeReport.class)))
                        .map(report -> withPosition(report, replayed.position())));
    }

    /**
     * A network's quarter as of a point, for a tenant that may read the network today (404 otherwise). The
     * tenant reads it as it read it then; a member admitted after the point reads it as the chair did, since a
     * member sees the record from the network's founding. "Today" for statuses and overdue flags is the day of
     * the point: the instant's day, or the day the last event up to the position was recorded (UTC, like the
     * live view).
     */
    Answer<Optional<QuarterOutcomes>> networkQuarter(Caller caller, String networkId, Quarter quarter, AsOf asOf) {
        NetworkView live = liveQueries.query(new FindNetwork(caller.tenant(), networkId),
                        ResponseTypes.optionalInstanceOf(NetworkView.class)).join()
                .orElseThrow(() -> DomainException.notFound("network"));
        Predicate<TrackedEventMessage<?>> ofNetwork = event -> event instanceof DomainEventMessage<?> domain
                && NetworkEvent.class.isAssignableFrom(event.getPayloadType())
                && networkId.equals(domain.getAggregateIdentifier());
        return rebuild(asOf, ofNetwork, template -> List.of(new NetworkRecordProjection(template)),
                (projections, replayed) -> {
                    Instant at = asOf.instant() != null ? asOf.instant() : replayed.lastAt();
                    LocalDate today = at == null ? LocalDate.now(clock) : LocalDate.ofInstant(at, ZoneOffset.UTC);
                    QuarterOutcomes asMember = ask(projections.get(0),
                            new FindQuarterOutcomes(caller.tenant(), networkId, quarter, today),
                            ResponseTypes.instanceOf(QuarterOutcomes.class));
                    if (asMember != null) {
                        return Optional.of(asMember);
                    }
                    return Optional.ofNullable(ask(projections.get(0),
                            new FindQuarterOutcomes(live.chairTenantId(), networkId, quarter, today),
                            ResponseTypes.instanceOf(QuarterOutcomes.class)));
                });
    }

    /** The ledger position a point names: the position itself, or the last one recorded before the instant. */
    long positionOf(AsOf asOf) {
        TrackingToken head = ledger.createHeadToken();
        long last = head == null ? 0 : head.position().orElse(0);
        if (asOf.position() != null) {
            if (asOf.position() > last) {
                throw DomainException.rule("asOf names position " + asOf.position()
                        + ", beyond the ledger's last position " + last);
            }
            return asOf.position();
        }
        if (asOf.instant().isAfter(clock.instant())) {
            throw DomainException.rule("asOf lies in the future; the state at a future instant cannot be reproduced");
        }
        TrackingToken before = ledger.createTokenAt(asOf.instant());
        return before == null ? 0 : Math.min(last, before.position().orElse(0));
    }

    /** The report with the position it reflects, which the report itself has a place for. */
    static ProgrammeReport withPosition(ProgrammeReport report, long position) {
        return new ProgrammeReport(report.programmeId(), report.name(), report.from(), report.to(), position,
                report.smallGroupThreshold(), report.distinctParticipants(), report.erasedParticipants(),
                report.byReachGroup(), report.byTown(), report.byAgeBand(), report.youngestAge(),
                report.youngestAgeSuppressed(), report.oldestAge(), report.oldestAgeSuppressed(),
                report.countriesOfOriginCount(), report.countriesOfOrigin(), report.sessionsByKind(),
                report.sessionsHeld(), report.eventsByKind(), report.eventsHeld(), report.totalAttendances(),
                report.headcountsByGroup(), report.totalHeadcount(), report.questionnaires(), report.targets());
    }

    private static Predicate<TrackedEventMessage<?>> ofTenant(Caller caller) {
        String tenant = caller.tenant();
        // events without a tenant cannot be another agency's; the read models scope their documents by tenant anyway
        return event -> {
            Object eventTenant = event.getMetaData().get(MetadataKeys.TENANT_ID);
            return eventTenant == null || tenant.equals(eventTenant);
        };
    }

    private <T> Answer<T> rebuild(AsOf asOf, Predicate<TrackedEventMessage<?>> wanted,
                                  Function<MongoTemplate, List<Object>> projections, Query<T> query) {
        long position = positionOf(asOf);
        acquire();
        try {
            long started = System.nanoTime();
            Scratch database = scratch.open();
            try {
                List<Object> instances = projections.apply(database.template());
                long prepared = System.nanoTime();
                Replayed replayed = replay.replay(position, wanted, instances);
                long replayEnded = System.nanoTime();
                T result = query.ask(instances, replayed);
                long queried = System.nanoTime();
                database.close();
                return new Answer<>(replayed.position(), asOf.instant(), result, replayed,
                        new Timings(millis(prepared - started), millis(replayEnded - prepared),
                                millis(queried - replayEnded), millis(System.nanoTime() - queried)));
            } catch (RuntimeException | Error e) {
                database.close();
                throw e;
            }
        } finally {
            replays.release();
        }
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }

    private void acquire() {
        try {
            if (!replays.tryAcquire(properties.waitForReplay().toMillis(), TimeUnit.MILLISECONDS)) {
                throw new DomainException(ProblemType.CONFLICT,
                        "Too many as-of queries are running; try again in a moment");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to replay", e);
        }
    }

    /** Asks a query handler directly; like the query bus, Axon's handler adapter answers an empty Optional as null. */
    @SuppressWarnings("unchecked")
    private static <R> R ask(Object handler, Object query, ResponseType<R> type) {
        try {
            return (R) new AnnotationQueryHandlerAdapter<>(handler).handle(new GenericQueryMessage<>(query, type));
        } catch (DomainException | IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("The as-of query " + query.getClass().getSimpleName() + " failed", e);
        }
    }

    @FunctionalInterface
    private interface Query<T> {
        T ask(List<Object> projections, Replayed replayed);
    }

    /**
     * An answer and the position it reflects.
     *
     * @param position    the ledger position the read model was rebuilt to
     * @param instant     the instant asked for, if one was
     * @param result      what the live query handler answered on the rebuilt read model
     * @param replayed    what the replay did
     * @param timings     how long each step took
     */
    record Answer<T>(long position, Instant instant, T result, Replayed replayed, Timings timings) {
    }

    /** Milliseconds to create the scratch read models, replay into them, query them and drop them. */
    record Timings(long prepare, long replay, long query, long drop) {
    }
}
