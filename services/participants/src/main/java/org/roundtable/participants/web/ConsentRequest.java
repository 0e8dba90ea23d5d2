package org.roundtable.participants.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.roundtable.participants.api.ConsentGrant;
import org.roundtable.participants.api.Consents;

/** A consent, in {@code POST /api/participants/{id}/consents} and in a registration's {@code consents}. */
record ConsentRequest(
        @NotBlank @Pattern(regexp = Consents.CODE_REGEX) String purpose,
        @NotBlank @Pattern(regexp = "self|guardian") String givenBy) {

    ConsentGrant toGrant() {
        return new ConsentGrant(purpose, givenBy);
    }
}
