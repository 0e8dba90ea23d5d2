package org.roundtable.server.tenancy.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.roundtable.kernel.DomainException;
import org.roundtable.server.tenancy.api.FindTenant;
import org.roundtable.server.tenancy.api.FindTenants;
import org.roundtable.server.tenancy.api.TenantPage;
import org.roundtable.server.tenancy.api.TenantView;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The platform operator's tenant administration. Agencies' own roles cannot call it. */
@RestController
@RequestMapping(path = "/api/tenants", produces = MediaType.APPLICATION_JSON_VALUE)
@PreAuthorize("hasRole('operator')")
class TenantController {

    private final CommandGateway commands;
    private final QueryGateway queries;

    TenantController(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<TenantView> create(@Valid @RequestBody CreateTenantRequest request) {
        commands.sendAndWait(request.toCommand());
        TenantView created = new TenantView(request.id(), request.name().strip(), request.country(), request.locale(),
                request.timeZone(), null, 0);
        return ResponseEntity.created(URI.create("/api/tenants/" + request.id()))
                .eTag(String.valueOf(created.version()))
                .body(created);
    }

    @GetMapping
    TenantPage list(@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                    @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return queries.query(new FindTenants(page, size), ResponseTypes.instanceOf(TenantPage.class)).join();
    }

    @GetMapping("/{id}")
    ResponseEntity<TenantView> get(@PathVariable String id) {
        TenantView tenant = queries.query(new FindTenant(id), ResponseTypes.optionalInstanceOf(TenantView.class))
                .join()
                .orElseThrow(() -> DomainException.notFound("Tenant"));
        return ResponseEntity.ok().eTag(String.valueOf(tenant.version())).body(tenant);
    }
}
