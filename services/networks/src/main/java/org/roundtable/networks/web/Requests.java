package org.roundtable.networks.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.roundtable.networks.api.ActionItemStatus;
import org.roundtable.networks.api.Cadence;
import org.roundtable.networks.api.Quarter;

/**
 * Request bodies of the networks API. Texts are about the work: names of participants or other
 * people must never be entered in a network's record, which every member agency reads.
 */
final class Requests {

    static final String ID = "[A-Za-z0-9][A-Za-z0-9-]{0,99}";

    private Requests() {
    }

    /** {@code POST /api/networks}. */
    record FoundNetwork(UUID id, @NotBlank @Size(max = 200) String name, @NotNull LocalDate foundedOn,
                        Cadence cadence, @Size(max = 2000) String purpose, @Size(max = 100) String chairRole) {
    }

    /** {@code POST /api/networks/{id}/members}: a tenant ({@code tenantId}) or an outside organisation ({@code organisation}). */
    record AdmitMember(@Pattern(regexp = "[a-z0-9][a-z0-9-]{1,39}") String tenantId,
                       @Size(min = 1, max = 200) String organisation, UUID memberId,
                       @NotBlank @Size(max = 100) String role, LocalDate admittedOn) {
    }

    /** {@code PUT /api/networks/{id}/members/{memberId}/role}. */
    record ChangeRole(@NotBlank @Size(max = 100) String role) {
    }

    /** {@code POST /api/networks/{id}/members/{memberId}/departure}. */
    record Departure(LocalDate leftOn, @Size(max = 2000) String reason) {
    }

    /** {@code POST /api/networks/{id}/meetings}. */
    record ScheduleMeeting(UUID id, @NotNull LocalDate date, @NotBlank @Size(max = 200) String place,
                           @Size(max = 50) List<@NotBlank @Size(max = 500) String> agenda) {
    }

    /** {@code POST /api/networks/{id}/meetings/{meetingId}/held}: the members present; everyone else is absent. */
    record HoldMeeting(@NotNull @Size(max = 500) Set<@NotBlank @Pattern(regexp = ID) String> present,
                       @Size(max = 50000) String minutes) {
    }

    /** {@code PUT /api/networks/{id}/meetings/{meetingId}/minutes}. */
    record Minutes(@NotBlank @Size(max = 50000) String text) {
    }

    /** {@code POST /api/networks/{id}/meetings/{meetingId}/minutes/amendments}. */
    record Amendment(UUID id, @NotBlank @Size(max = 5000) String text) {
    }

    /** {@code POST /api/networks/{id}/meetings/{meetingId}/decisions}. */
    record Decision(UUID id, @NotBlank @Size(max = 100) String agendaItemId, @NotBlank @Size(max = 5000) String text) {
    }

    /** {@code POST /api/networks/{id}/meetings/{meetingId}/action-items}. */
    record ActionItem(UUID id, @NotBlank @Size(max = 5000) String description,
                      @NotBlank @Pattern(regexp = ID) String ownerMemberId, @NotNull LocalDate dueOn) {
    }

    /** {@code POST /api/networks/{id}/action-items/{itemId}/progress}. */
    record Progress(@NotNull ActionItemStatus status, @Size(max = 2000) String note) {
    }

    /** {@code POST /api/networks/{id}/figures}. */
    record ShareFigures(@NotNull @Pattern(regexp = Quarter.REGEX) String quarter,
                        @NotBlank @Size(max = 100) String programmeId) {
    }

    /** {@code POST /api/networks/{id}/quarters/{quarter}/review}. */
    record Review(@NotBlank @Size(max = 5000) String summary) {
    }

    /** Body of a 201 answer. */
    record Created(String id) {
    }
}
