package org.roundtable.ledger.crypto;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import javax.crypto.SecretKey;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.roundtable.kernel.DataSubject;
import org.roundtable.kernel.PersonalData;

/**
 * Axon's JSON serializer with per-person encryption and a class allow-list.
 *
 * <p>Serializing an object whose class has {@link PersonalData} components replaces each such value
 * (any JSON: text, date, object, array) by a marker {@code {"$pii":"v1","s":subjectId,"c":base64(iv+ciphertext)}},
 * encrypted with the key of the object's {@link DataSubject} ({@link SubjectKeyStore}). Deserializing
 * decrypts every marker anywhere in the tree, so upcasters may move markers freely; a marker whose
 * subject was erased becomes JSON {@code null}. Everything else is plain Jackson, delegated to
 * Axon's {@link JacksonSerializer}.
 *
 * <p>Types are resolved only for class names under an allowed prefix (and never for JDK classes that run
 * processes, load code or touch files or the network); anything else deserializes as
 * {@link UnknownSerializedType}, which Axon skips, so stored data can never make us load or build an
 * arbitrary class.
 */
public class PersonalDataSerializer implements Serializer {

    public static final List<String> DEFAULT_ALLOWED_PREFIXES = List.of("org.roundtable.", "org.axonframework.", "java.");
    /** Shown instead of personal data to someone not allowed to see it. */
    public static final String HIDDEN = "[personal data]";

    static final String MARKER = "$pii";
    static final String MARKER_VERSION = "v1";
    static final String MARKER_SUBJECT = "s";
    static final String MARKER_CIPHERTEXT = "c";

    /** JDK classes that no event, token or saga needs and that are classic deserialization gadgets. */
    private static final List<String> DENIED_PREFIXES = List.of(
            "java.lang.Process", "java.lang.Runtime", "java.lang.System", "java.lang.Thread", "java.lang.Class",
            "java.lang.Module", "java.lang.reflect.", "java.lang.invoke.", "java.lang.ref.", "java.lang.instrument.",
            "java.lang.management.", "java.io.", "java.nio.", "java.net.", "java.rmi.", "java.beans.", "java.sql.",
            "java.security.", "java.util.logging.", "java.util.concurrent.", "java.util.jar.", "java.util.zip.",
            "java.util.prefs.", "java.util.ServiceLoader", "java.util.spi.", "java.awt.", "java.applet.");

    private final JacksonSerializer delegate;
    private final ObjectMapper mapper;
    private final SubjectKeyStore keys;
    private final List<String> allowedPrefixes;
    private final ClassValue<PersonalDataPlan> plans = new ClassValue<>() {
        @Override
        protected PersonalDataPlan computeValue(Class<?> type) {
            return PersonalDataPlan.of(type);
        }
    };

    public PersonalDataSerializer(SubjectKeyStore keys) {
        this(keys, DEFAULT_ALLOWED_PREFIXES);
    }

    public PersonalDataSerializer(SubjectKeyStore keys, List<String> allowedPrefixes) {
        this(keys, defaultObjectMapper(), allowedPrefixes);
    }

    /** @param objectMapper configured further by Axon (its MetaData and Java time modules are registered on it) */
    public PersonalDataSerializer(SubjectKeyStore keys, ObjectMapper objectMapper, List<String> allowedPrefixes) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.allowedPrefixes = List.copyOf(allowedPrefixes);
        if (this.allowedPrefixes.stream().anyMatch(p -> p == null || p.isBlank())) {
            throw new IllegalArgumentException("An allowed type prefix must not be empty: it would allow every class");
        }
        this.delegate = JacksonSerializer.builder().objectMapper(objectMapper).build();
        this.mapper = delegate.getObjectMapper();
    }

    /** Java time as ISO-8601 strings, records, and tolerance of properties added by newer event revisions. */
    public static ObjectMapper defaultObjectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public ObjectMapper getObjectMapper() {
        return mapper;
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        if (object == null) {
            return delegate.serialize(null, expectedRepresentation);
        }
        PersonalDataPlan plan = plans.get(object.getClass());
        if (!plan.hasPersonalData()) {
            return delegate.serialize(object, expectedRepresentation);
        }
        String subjectId = plan.subjectOf(object);
        SecretKey key = keys.keyFor(subjectId);
        JsonNode tree = mapper.valueToTree(object);
        if (!(tree instanceof ObjectNode objectTree)) {
            throw new SerializationException(object.getClass().getName() + " holds @PersonalData but does not serialize to a JSON object");
        }
        plan.encrypt(objectTree, value -> marker(subjectId, key, value));
        return new SimpleSerializedObject<>(represent(objectTree, expectedRepresentation), expectedRepresentation,
                delegate.typeForClass(object.getClass()));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        SerializedType type = serializedObject.getType();
        if (SerializedType.emptyType().equals(type)) {
            return null;
        }
        Class<?> target = classForType(type);
        if (UnknownSerializedType.class.isAssignableFrom(target)) {
            return (T) new UnknownSerializedType(this, serializedObject);
        }
        JsonNode tree = getConverter().convert(serializedObject, JsonNode.class).getData();
        JsonNode plain = transform(tree, new Decrypting()::open);
        return delegate.deserialize(new SimpleSerializedObject<>(plain, JsonNode.class, type));
    }

    /**
     * A copy of a serialized tree for people to read: markers are decrypted when {@code showPersonalData}
     * is set, shown as {@link PersonalData#ERASED} when the subject was erased, and as {@link #HIDDEN}
     * otherwise. The given tree is not changed.
     */
    public JsonNode reveal(JsonNode tree, boolean showPersonalData) {
        Decrypting decrypting = new Decrypting();
        return transform(tree, marker -> {
            Optional<SecretKey> key = decrypting.keyOf(marker);
            if (key.isEmpty()) {
                return TextNode.valueOf(PersonalData.ERASED);
            }
            return showPersonalData ? decrypting.open(marker) : TextNode.valueOf(HIDDEN);
        });
    }

    /** The data subjects whose personal data markers the tree holds. */
    public static Set<String> subjectsIn(JsonNode tree) {
        Set<String> subjects = new TreeSet<>();
        transform(tree, marker -> {
            subjects.add(marker.path(MARKER_SUBJECT).textValue());
            return marker;
        });
        return subjects;
    }

    /** Whether the tree holds personal data markers anywhere. */
    public static boolean containsPersonalData(JsonNode tree) {
        boolean[] found = {false};
        transform(tree, marker -> {
            found[0] = true;
            return marker;
        });
        return found[0];
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return delegate.canSerializeTo(expectedRepresentation);
    }

    @Override
    public Class classForType(SerializedType type) {
        if (SerializedType.emptyType().equals(type)) {
            return Void.class;
        }
        // checked before any class loading, so a disallowed class is never even initialised
        if (!isAllowed(type.getName())) {
            return UnknownSerializedType.class;
        }
        return delegate.classForType(type);
    }

    @Override
    public SerializedType typeForClass(Class type) {
        return delegate.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return delegate.getConverter();
    }

    boolean isAllowed(String className) {
        if (className == null) {
            return false;
        }
        boolean allowed = allowedPrefixes.stream().anyMatch(className::startsWith);
        return allowed && DENIED_PREFIXES.stream().noneMatch(className::startsWith);
    }

    private ObjectNode marker(String subjectId, SecretKey key, JsonNode value) {
        byte[] plaintext;
        try {
            plaintext = mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new SerializationException("Cannot write a personal data value as JSON", e);
        }
        ObjectNode marker = JsonNodeFactory.instance.objectNode();
        marker.put(MARKER, MARKER_VERSION);
        marker.put(MARKER_SUBJECT, subjectId);
        marker.put(MARKER_CIPHERTEXT, Base64.getEncoder().encodeToString(Aead.encrypt(key, plaintext, subjectId)));
        return marker;
    }

    @SuppressWarnings("unchecked")
    private <T> T represent(ObjectNode tree, Class<T> expected) {
        try {
            if (expected.isInstance(tree)) {
                return (T) tree;
            }
            if (String.class.equals(expected)) {
                return (T) mapper.writeValueAsString(tree);
            }
            return getConverter().convert(mapper.writeValueAsBytes(tree), byte[].class, expected);
        } catch (JsonProcessingException e) {
            throw new SerializationException("Unable to serialize object", e);
        }
    }

    static boolean isMarker(JsonNode node) {
        return node instanceof ObjectNode object
                && object.size() == 3
                && MARKER_VERSION.equals(object.path(MARKER).textValue())
                && object.path(MARKER_SUBJECT).isTextual()
                && object.path(MARKER_CIPHERTEXT).isTextual();
    }

    /** Rebuilds only the containers on the way to a marker; subtrees without markers are shared, never changed. */
    private static JsonNode transform(JsonNode node, Function<ObjectNode, JsonNode> onMarker) {
        if (node instanceof ObjectNode object) {
            if (isMarker(object)) {
                return onMarker.apply(object);
            }
            ObjectNode copy = null;
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                JsonNode replaced = transform(field.getValue(), onMarker);
                if (replaced != field.getValue()) {
                    if (copy == null) {
                        copy = JsonNodeFactory.instance.objectNode();
                        copy.setAll(object);
                    }
                    copy.set(field.getKey(), replaced);
                }
            }
            return copy == null ? object : copy;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode copy = null;
            for (int i = 0; i < array.size(); i++) {
                JsonNode replaced = transform(array.get(i), onMarker);
                if (replaced != array.get(i)) {
                    if (copy == null) {
                        copy = JsonNodeFactory.instance.arrayNode(array.size());
                        copy.addAll(array);
                    }
                    copy.set(i, replaced);
                }
            }
            return copy == null ? array : copy;
        }
        return node;
    }

    /** Decrypts markers, looking each subject's key up once per tree. */
    private final class Decrypting {

        private final Map<String, Optional<SecretKey>> keysBySubject = new HashMap<>();

        Optional<SecretKey> keyOf(ObjectNode marker) {
            return keysBySubject.computeIfAbsent(marker.get(MARKER_SUBJECT).textValue(), keys::readableKey);
        }

        JsonNode open(ObjectNode marker) {
            Optional<SecretKey> key = keyOf(marker);
            if (key.isEmpty()) {
                return NullNode.getInstance();
            }
            String subjectId = marker.get(MARKER_SUBJECT).textValue();
            byte[] ciphertext;
            try {
                ciphertext = Base64.getDecoder().decode(marker.get(MARKER_CIPHERTEXT).textValue());
            } catch (IllegalArgumentException e) {
                throw new LedgerCryptoException("A personal data marker of subject " + subjectId + " is not valid Base64");
            }
            byte[] plaintext = Aead.decrypt(key.get(), ciphertext, subjectId);
            try {
                return mapper.readTree(plaintext);
            } catch (IOException e) {
                // the plaintext is personal data: it stays out of the message and the cause
                throw new LedgerCryptoException("A decrypted personal data value of subject " + subjectId + " is not JSON");
            }
        }
    }
}
