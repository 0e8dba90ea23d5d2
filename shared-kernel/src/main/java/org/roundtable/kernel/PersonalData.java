package org.roundtable.kernel;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a component of an event as personal data. The ledger encrypts it with the key of the
 * event's {@link DataSubject}; erasing the subject's key makes it unreadable everywhere at once.
 * After erasure it deserializes as {@code null} and is shown as {@link #ERASED}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
public @interface PersonalData {

    /** How erased personal data is shown to people. */
    String ERASED = "[erased]";
}
