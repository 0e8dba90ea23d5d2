package org.roundtable.kernel;

/**
 * A refusal by the domain, mapped by the server to a problem response. Its message is shown to the
 * caller, so it must never contain personal data.
 */
public class DomainException extends RuntimeException {

    private final ProblemType type;

    public DomainException(ProblemType type, String message) {
        super(message);
        this.type = type;
    }

    public ProblemType type() {
        return type;
    }

    /** A business rule refuses the command (422). */
    public static DomainException rule(String message) {
        return new DomainException(ProblemType.RULE_VIOLATION, message);
    }

    /** The resource does not exist for this tenant, or belongs to another (404 either way). */
    public static DomainException notFound(String what) {
        return new DomainException(ProblemType.NOT_FOUND, what + " not found");
    }

    /** The command conflicts with the current state (409). */
    public static DomainException conflict(String message) {
        return new DomainException(ProblemType.CONFLICT, message);
    }
}
