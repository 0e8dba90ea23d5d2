package org.roundtable.participants.command;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** ISO 3166 country and ISO 639 language codes as the JDK knows them, plus Romani varieties it lacks. */
final class IsoCodes {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Set<String> LANGUAGES;

    static {
        Set<String> languages = new HashSet<>();
        for (String twoLetter : Locale.getISOLanguages()) {
            languages.add(twoLetter);
            try {
                languages.add(new Locale(twoLetter).getISO3Language());
            } catch (java.util.MissingResourceException ignored) {
                // a two-letter code without a three-letter form stays two-letter only
            }
        }
        // Romani has no ISO 639-1 code, and it is the first language of many participants.
        languages.addAll(Set.of("rom", "rmy", "rmn", "rmc", "rmo", "rmf", "rml", "rmw", "rmu"));
        LANGUAGES = Set.copyOf(languages);
    }

    private IsoCodes() {
    }

    static boolean isCountry(String code) {
        return code != null && COUNTRIES.contains(code);
    }

    static boolean isLanguage(String code) {
        return code != null && LANGUAGES.contains(code);
    }
}
