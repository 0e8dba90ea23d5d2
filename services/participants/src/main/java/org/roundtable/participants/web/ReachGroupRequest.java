package org.roundtable.participants.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.roundtable.participants.api.Consents;

/** Body of {@code POST /api/reach-groups}. */
record ReachGroupRequest(
        @NotBlank @Pattern(regexp = Consents.CODE_REGEX) String code,
        @NotBlank @Size(max = 100) String label) {
}
