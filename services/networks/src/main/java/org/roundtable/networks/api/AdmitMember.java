package org.roundtable.networks.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Admits a member: either a tenant on this instance ({@code tenantId}, whose member id is the tenant
 * id) or an outside organisation ({@code organisation}, a UUID member id), never a person. {@code role}
 * names what the member represents (e.g. "police", "youth welfare department").
 */
public record AdmitMember(@TargetAggregateIdentifier String networkId, String memberId, String tenantId,
                          String organisation, String role, LocalDate admittedOn) {
}
