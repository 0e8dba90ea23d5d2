package org.roundtable.audit.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** Which processing group to rebuild. */
public record ReplayRequest(@NotBlank @Pattern(regexp = ReplayController.GROUP) String processingGroup) {
}
