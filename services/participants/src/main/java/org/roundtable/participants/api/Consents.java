package org.roundtable.participants.api;

import java.util.regex.Pattern;

/** Consent purposes and who may give consent, as the API and the events spell them. */
public final class Consents {

    /** Keeping the participant's programme records at all. */
    public static final String PROGRAMME_RECORDS = "programme-records";
    /** Special-category data (GDPR Art. 9), needed to hold reach groups such as ethnic origin. */
    public static final String SPECIAL_CATEGORY = "special-category";
    public static final String PHOTOS = "photos";
    public static final String SHARE_FIGURES_WITH_NETWORK = "share-figures-with-network";

    public static final String GIVEN_BY_SELF = "self";
    public static final String GIVEN_BY_GUARDIAN = "guardian";

    /** Tenant-defined purposes and reach-group codes share this shape. */
    public static final String CODE_REGEX = "[a-z][a-z0-9-]{1,40}";
    public static final Pattern CODE = Pattern.compile(CODE_REGEX);

    private Consents() {
    }

    public static boolean isValidPurpose(String purpose) {
        return purpose != null && CODE.matcher(purpose).matches();
    }

    public static boolean isValidGivenBy(String givenBy) {
        return GIVEN_BY_SELF.equals(givenBy) || GIVEN_BY_GUARDIAN.equals(givenBy);
    }
}
