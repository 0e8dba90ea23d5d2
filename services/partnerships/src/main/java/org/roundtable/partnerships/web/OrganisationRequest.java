package org.roundtable.partnerships.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.roundtable.partnerships.api.OrganisationKind;
import org.roundtable.partnerships.api.RegisterOrganisation;
import org.roundtable.partnerships.api.UpdateOrganisation;

/**
 * Body of {@code POST /api/organisations} and {@code PUT /api/organisations/{id}} ({@code id} is
 * ignored on PUT). {@code roleContact} is a role ("head teacher"), never a person's name or details.
 */
record OrganisationRequest(
        UUID id,
        @NotBlank @Size(max = 200) String name,
        @NotNull OrganisationKind kind,
        @Size(max = 100) String town,
        @Size(max = 100) String roleContact) {

    RegisterOrganisation toRegistration(String organisationId) {
        return new RegisterOrganisation(organisationId, name, kind, town, roleContact);
    }

    UpdateOrganisation toUpdate(String organisationId, long expectedVersion) {
        return new UpdateOrganisation(organisationId, expectedVersion, name, kind, town, roleContact);
    }
}
