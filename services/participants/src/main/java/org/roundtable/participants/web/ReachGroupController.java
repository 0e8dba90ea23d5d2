package org.roundtable.participants.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.roundtable.kernel.Caller;
import org.roundtable.kernel.DomainException;
import org.roundtable.participants.api.Consents;
import org.roundtable.participants.api.DefineReachGroup;
import org.roundtable.participants.api.FindReachGroup;
import org.roundtable.participants.api.FindReachGroups;
import org.roundtable.participants.api.ReachGroupView;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The reach groups (audiences counted in figures) the caller's agency defines. Codes are per tenant. */
@RestController
@RequestMapping("/api/reach-groups")
public class ReachGroupController {

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ReadModelAwait await;

    ReachGroupController(CommandGateway commands, QueryGateway queries, ReadModelAwait await) {
        this.commands = commands;
        this.queries = queries;
        this.await = await;
    }

    /** Defines a reach group: 201 with {@code Location: /api/reach-groups/{code}}; 409 if the code exists. */
    @PostMapping
    @PreAuthorize("hasRole('admin')")
    public ResponseEntity<ReachGroupView> define(@Valid @RequestBody ReachGroupRequest request, Caller caller) {
        if (lookUp(caller, request.code()).isPresent()) {
            throw DomainException.conflict("reach group already defined");
        }
        commands.sendAndWait(new DefineReachGroup(DefineReachGroup.idOf(caller.tenant(), request.code()),
                request.code(), request.label()));
        await.reachGroup(caller.tenant(), request.code());
        return ResponseEntity.created(URI.create("/api/reach-groups/" + request.code()))
                .body(new ReachGroupView(request.code(), request.label().strip()));
    }

    /** Lists the tenant's reach groups by code: {@code {"items": [{"code": ..., "label": ...}]}}. */
    @GetMapping
    @PreAuthorize(ParticipantController.READERS)
    public ReachGroupList list(Caller caller) {
        return new ReachGroupList(queries.query(new FindReachGroups(caller.tenant()),
                ResponseTypes.multipleInstancesOf(ReachGroupView.class)).join());
    }

    @GetMapping("/{code}")
    @PreAuthorize(ParticipantController.READERS)
    public ReachGroupView get(@PathVariable @Pattern(regexp = Consents.CODE_REGEX) String code, Caller caller) {
        return lookUp(caller, code).orElseThrow(() -> DomainException.notFound("reach group"));
    }

    private java.util.Optional<ReachGroupView> lookUp(Caller caller, String code) {
        return queries.query(new FindReachGroup(caller.tenant(), code),
                ResponseTypes.optionalInstanceOf(ReachGroupView.class)).join();
    }

    /** Body of the reach-group listing. */
    public record ReachGroupList(List<ReachGroupView> items) {
    }
}
