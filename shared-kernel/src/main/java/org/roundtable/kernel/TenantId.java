package org.roundtable.kernel;

import java.util.Objects;
import java.util.regex.Pattern;

/** An agency on the shared instance. Comes from the caller's token, never from a request. */
public record TenantId(String value) {

    private static final Pattern FORMAT = Pattern.compile("[a-z0-9][a-z0-9-]{1,39}");

    public TenantId {
        Objects.requireNonNull(value, "tenant id");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("a tenant id is 2-40 lower-case letters, digits or dashes");
        }
    }

    public static boolean isValid(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
