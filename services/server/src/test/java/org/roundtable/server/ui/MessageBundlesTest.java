package org.roundtable.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every label exists in English and German; simple German overrides what it rewrites and must have every
 * participant-facing text (keys starting with {@code wording.}: consent wording, questionnaires, what is
 * read to or by participants). Nothing in simple German exists without an English original.
 */
@DisplayName("The message bundles")
class MessageBundlesTest {

    static Stream<String> bundles() {
        return Stream.of("ui", "staff", "admin", "chair", "audit", "reports");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundles")
    @DisplayName("German has every English key and no other")
    void germanIsComplete(String bundle) {
        Set<String> english = keys("messages/" + bundle + ".properties");
        Set<String> german = keys("messages/" + bundle + "_de.properties");
        assertThat(german).as("keys of %s_de", bundle).containsExactlyInAnyOrderElementsOf(english);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundles")
    @DisplayName("simple German has every participant-facing text and nothing without an English original")
    void simpleGermanCoversParticipantTexts(String bundle) {
        Set<String> english = keys("messages/" + bundle + ".properties");
        Set<String> simple = keys("messages/" + bundle + "_de__simple.properties");
        assertThat(english).as("simple German keys of %s have English originals", bundle).containsAll(simple);
        Set<String> wording = new TreeSet<>(english);
        wording.removeIf(key -> !key.startsWith("wording."));
        assertThat(simple).as("participant-facing texts of %s in simple German", bundle).containsAll(wording);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundles")
    @DisplayName("no text is left empty")
    void noEmptyTexts(String bundle) {
        for (String file : new String[] {bundle + ".properties", bundle + "_de.properties", bundle + "_de__simple.properties"}) {
            Properties properties = load("messages/" + file);
            properties.forEach((key, value) -> assertThat(value.toString().trim()).as("%s in %s", key, file).isNotEmpty());
        }
    }

    private static Set<String> keys(String resource) {
        Set<String> keys = new TreeSet<>();
        load(resource).stringPropertyNames().forEach(keys::add);
        return keys;
    }

    private static Properties load(String resource) {
        Properties properties = new Properties();
        try (InputStream in = MessageBundlesTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError(resource, e);
        }
        return properties;
    }
}
