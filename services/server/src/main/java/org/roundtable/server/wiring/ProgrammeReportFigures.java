package org.roundtable.server.wiring;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.roundtable.networks.api.QuarterFigures;
import org.roundtable.networks.api.ReachGroupFigure;
import org.roundtable.networks.command.ProgrammeFigures;
import org.roundtable.programmes.api.FindProgrammeReport;
import org.roundtable.programmes.api.ProgrammeReport;
import org.roundtable.programmes.query.ParticipantFactsProjection;
import org.roundtable.programmes.query.ProgrammeAttendanceProjection;
import org.roundtable.programmes.query.ProgrammeCatalogueProjection;
import org.springframework.stereotype.Component;

/**
 * A member agency's figures for a network come from its programme report, small groups suppressed, and
 * name the ledger position the report's read models had reached (taken before the report is read, so the
 * report reflects at least that position).
 */
@Component
class ProgrammeReportFigures implements ProgrammeFigures {

    private static final List<String> REPORT_GROUPS = List.of(ProgrammeCatalogueProjection.PROCESSING_GROUP,
            ProgrammeAttendanceProjection.PROCESSING_GROUP, ParticipantFactsProjection.PROCESSING_GROUP);

    private final QueryGateway queries;
    private final ReadModelPositions positions;

    ProgrammeReportFigures(QueryGateway queries, ReadModelPositions positions) {
        this.queries = queries;
        this.positions = positions;
    }

    @Override
    public Optional<QuarterFigures> figuresFor(String tenantId, String programmeId, LocalDate from, LocalDate to) {
        long position = positions.reflectedBy(REPORT_GROUPS);
        return queries.query(new FindProgrammeReport(tenantId, programmeId, from, to),
                        ResponseTypes.optionalInstanceOf(ProgrammeReport.class)).join()
                .map(report -> new QuarterFigures(
                        report.distinctParticipants().suppressed() ? null : (int) report.distinctParticipants().value(),
                        report.distinctParticipants().suppressed(),
                        (int) report.sessionsHeld(),
                        (int) report.eventsHeld(),
                        report.byReachGroup().stream()
                                .map(group -> new ReachGroupFigure(group.key(),
                                        group.people().suppressed() ? null : (int) group.people().value(),
                                        group.people().suppressed()))
                                .toList(),
                        position));
    }
}
