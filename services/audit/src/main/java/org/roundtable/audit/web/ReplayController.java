package org.roundtable.audit.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import org.roundtable.audit.api.ReplayStatus;
import org.roundtable.audit.replay.Replays;
import org.roundtable.kernel.Roles;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Rebuilds of read models by replay, for the platform operator (they span every tenant). */
@RestController
@RequestMapping("/api/audit/replays")
public class ReplayController {

    static final String GROUP = "[A-Za-z0-9._-]{1,100}";
    static final String OPERATOR = "hasRole('" + Roles.OPERATOR + "')";

    private final Replays replays;

    ReplayController(Replays replays) {
        this.replays = replays;
    }

    /** Resets the group's processor to the start of the ledger: 202 with its status and {@code Location} to poll. */
    @PostMapping
    @PreAuthorize(OPERATOR)
    public ResponseEntity<ReplayStatus> start(@Valid @RequestBody ReplayRequest request) {
        ReplayStatus status = replays.start(request.processingGroup());
        return ResponseEntity.accepted()
                .location(URI.create("/api/audit/replays/" + request.processingGroup()))
                .body(status);
    }

    @GetMapping("/{group}")
    @PreAuthorize(OPERATOR)
    public ReplayStatus status(@PathVariable @Pattern(regexp = GROUP) String group) {
        return replays.status(group);
    }
}
