package org.roundtable.server.tenancy.api;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** What a tenant's country, locale and time zone may be; shared by the API edge and the aggregate. */
public final class TenantSettings {

    /** The platform operator's own tenant: reserved, never created as an agency. */
    public static final String PLATFORM_TENANT = "platform";

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());
    private static final Pattern LANGUAGE_TAG = Pattern.compile("([a-z]{2})(?:-([A-Z]{2}))?");

    private TenantSettings() {
    }

    /** An ISO 3166-1 alpha-2 code such as {@code GB} or {@code DE}. */
    public static boolean isCountry(String code) {
        return code != null && COUNTRIES.contains(code);
    }

    /** A BCP 47 tag of an ISO 639 language and an optional country, such as {@code en-GB} or {@code de}. */
    public static boolean isLocale(String tag) {
        if (tag == null) {
            return false;
        }
        var match = LANGUAGE_TAG.matcher(tag);
        return match.matches() && LANGUAGES.contains(match.group(1))
                && (match.group(2) == null || COUNTRIES.contains(match.group(2)));
    }

    /** A region-based IANA zone id such as {@code Europe/Berlin}, or {@code UTC}. */
    public static boolean isTimeZone(String zone) {
        return zone != null && ZoneId.getAvailableZoneIds().contains(zone);
    }
}
