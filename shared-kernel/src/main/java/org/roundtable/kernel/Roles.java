package org.roundtable.kernel;

/** The roles a token can carry. Spring authorities are these names prefixed with {@code ROLE_}. */
public final class Roles {

    /** Agency admin: sets up programmes, staff, reach groups; may do all that staff do. */
    public static final String ADMIN = "admin";
    /** Agency staff: registers participants, records sessions. */
    public static final String STAFF = "staff";
    /** Auditor: reads and verifies history; never writes. */
    public static final String AUDITOR = "auditor";
    /** Network chair: runs a multi-agency network. */
    public static final String CHAIR = "chair";
    /** Platform operator: manages tenants; never sees personal data. */
    public static final String OPERATOR = "operator";

    private Roles() {
    }
}
