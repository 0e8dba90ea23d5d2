package org.roundtable.audit.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.roundtable.audit.export.TransferKeys;

/** @param transferPassphrase the secret the importing operator is given, out of band, to open the keys */
public record TransferExportRequest(
        @NotNull @Size(min = TransferKeys.MIN_PASSPHRASE_LENGTH, max = 1024) String transferPassphrase) {

    @Override
    public String toString() {
        return "TransferExportRequest[transferPassphrase=redacted]";
    }
}
