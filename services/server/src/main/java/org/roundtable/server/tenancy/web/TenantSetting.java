package org.roundtable.server.tenancy.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.roundtable.server.tenancy.api.TenantSettings;

/** A tenant's country, locale or time zone, checked at the edge (the aggregate checks again). */
@Documented
@Constraint(validatedBy = TenantSetting.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@interface TenantSetting {

    Kind value();

    String message() default "is not valid";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    enum Kind {
        COUNTRY("must be an ISO 3166 alpha-2 country code such as GB or DE"),
        LOCALE("must be a language tag such as en-GB or de-DE"),
        TIME_ZONE("must be an IANA time zone such as Europe/Berlin");

        private final String message;

        Kind(String message) {
            this.message = message;
        }
    }

    final class Validator implements ConstraintValidator<TenantSetting, String> {

        private Kind kind;

        @Override
        public void initialize(TenantSetting annotation) {
            kind = annotation.value();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true; // @NotBlank reports absence
            }
            boolean valid = switch (kind) {
                case COUNTRY -> TenantSettings.isCountry(value);
                case LOCALE -> TenantSettings.isLocale(value);
                case TIME_ZONE -> TenantSettings.isTimeZone(value);
            };
            if (!valid) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(kind.message).addConstraintViolation();
            }
            return valid;
        }
    }
}
