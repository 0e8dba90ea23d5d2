package org.roundtable.programmes.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.roundtable.programmes.api.ActivityKind;
import org.roundtable.programmes.api.FamilyCheckIn;
import org.roundtable.programmes.api.Funding;
import org.roundtable.programmes.api.FundingType;
import org.roundtable.programmes.api.Headcount;
import org.roundtable.programmes.api.Target;
import org.roundtable.programmes.api.TargetMetric;
import org.roundtable.programmes.api.WeeklySchedule;

/** Request bodies of the programmes API. The tenant is never part of one: it comes from the token. */
final class Requests {

    static final String CODE = "[a-z][a-z0-9-]{1,40}";
    static final String ID = "[A-Za-z0-9][A-Za-z0-9_:-]{0,99}";

    private Requests() {
    }

    static List<String> ids(List<UUID> ids) {
        return ids == null ? null : ids.stream().map(UUID::toString).toList();
    }

    static String id(UUID id) {
        return id == null ? null : id.toString();
    }

    record LaunchProgrammeRequest(
            UUID id,
            @NotBlank @Size(max = 200) String name,
            @NotNull LocalDate startDate,
            @NotNull LocalDate endDate,
            @Size(max = 50) List<@NotBlank @Size(max = 100) String> towns,
            @Size(max = 50) List<@NotNull @Valid FundingRequest> funders,
            @Size(max = 30) List<@NotNull @Valid TargetRequest> targets) {
    }

    record FundingRequest(@NotBlank @Size(max = 200) String funder, @NotNull FundingType type,
                          @NotNull @Positive BigDecimal amount, @NotNull @Pattern(regexp = "[A-Z]{3}") String currency) {

        Funding toFunding() {
            return new Funding(funder, type, amount, currency);
        }
    }

    record TargetRequest(@NotNull TargetMetric metric, @Pattern(regexp = CODE) String reachGroup,
                         ActivityKind activityKind, @Positive long value, LocalDate from, LocalDate until) {

        Target toTarget() {
            return new Target(metric, reachGroup, activityKind, value, from, until);
        }

        static List<Target> all(List<TargetRequest> targets) {
            return targets == null ? List.of() : targets.stream().map(TargetRequest::toTarget).toList();
        }
    }

    record ChangeTargetsRequest(@NotNull @Size(max = 30) List<@NotNull @Valid TargetRequest> targets,
                                @NotBlank @Size(max = 500) String reason) {
    }

    /** An optional reason (closure, cancellation); it must not name a person. */
    record ReasonRequest(@Size(max = 500) String reason) {
    }

    record ScheduleRequest(@NotEmpty @Size(max = 7) Set<@NotNull DayOfWeek> days, @NotNull LocalTime startTime,
                           @NotNull LocalTime endTime, @NotNull LocalDate from, LocalDate until) {

        WeeklySchedule toSchedule() {
            return new WeeklySchedule(days, startTime, endTime, from, until);
        }
    }

    record PlanActivityRequest(
            UUID id,
            @NotBlank @Size(max = 200) String name,
            @NotNull ActivityKind kind,
            @NotBlank @Size(max = 100) String audience,
            @NotBlank @Size(max = 100) String town,
            @Size(max = 200) String venue,
            @NotNull @Valid ScheduleRequest schedule,
            @Size(max = 50) List<@NotNull @Pattern(regexp = "[a-z]{2,3}") String> languages,
            boolean simpleLanguage,
            @Size(max = 50) Set<@NotNull @Pattern(regexp = ID) String> partnerOrganisationIds) {
    }

    record RescheduleRequest(@NotNull @Valid ScheduleRequest schedule, @Size(max = 500) String reason) {
    }

    record RetireRequest(LocalDate from, @Size(max = 500) String reason) {
    }

    record FamilyRequest(@NotNull UUID guardianId, @NotEmpty @Size(max = 20) List<@NotNull UUID> childIds) {

        FamilyCheckIn toCheckIn() {
            return new FamilyCheckIn(guardianId.toString(), ids(childIds));
        }
    }

    record HeadcountRequest(@Pattern(regexp = CODE) String reachGroup, @Pattern(regexp = ID) String organisationId,
                            @Min(0) @Max(100_000) int count) {

        Headcount toHeadcount() {
            return new Headcount(reachGroup, organisationId, count);
        }

        static List<Headcount> all(List<HeadcountRequest> headcounts) {
            return headcounts == null ? List.of() : headcounts.stream().map(HeadcountRequest::toHeadcount).toList();
        }
    }

    /**
     * Body of {@code POST /api/sessions}: {@code activityId} for an occurrence of an activity, or
     * {@code programmeId}, {@code kind} and {@code title} for a one-off event.
     */
    record HoldSessionRequest(
            UUID id,
            UUID programmeId,
            UUID activityId,
            ActivityKind kind,
            @Size(max = 200) String title,
            @Size(max = 100) String town,
            @NotNull LocalDate date,
            @NotEmpty @Size(max = 50) List<@NotNull @Pattern(regexp = ID) String> facilitatorIds,
            @Size(max = 500) List<@NotNull UUID> participantIds,
            @Size(max = 200) List<@NotNull @Valid FamilyRequest> families,
            @Size(max = 50) List<@NotNull @Valid HeadcountRequest> headcounts) {
    }

    record CorrectAttendanceRequest(
            @Size(max = 500) List<@NotNull UUID> added,
            @Size(max = 500) List<@NotNull UUID> removed,
            @Size(max = 50) List<@NotNull @Valid HeadcountRequest> headcounts,
            @NotBlank @Size(max = 500) String reason) {
    }

    record AttachAttendeeRequest(@NotNull UUID participantId, @NotBlank @Size(max = 120) String group) {
    }

    /** A note about the session; it must not name or describe a person. */
    record FeedbackRequest(@NotBlank @Size(max = 2000) String note) {
    }

    record SendQuestionnaireRequest(UUID id, @NotBlank @Size(max = 200) String title, boolean simpleLanguage,
                                    @NotEmpty @Size(max = 2000) List<@NotNull UUID> recipientIds) {
    }

    record QuestionnaireReturnRequest(@NotNull UUID participantId) {
    }

    /** Body of a creation's 201 answer. */
    record Created(String id) {
    }
}
