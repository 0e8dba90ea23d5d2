package org.roundtable.ledger.crypto;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.roundtable.kernel.DataSubject;
import org.roundtable.kernel.PersonalData;

/**
 * Where a class keeps its personal data, read once per class from its {@link PersonalData} and
 * {@link DataSubject} annotations: the JSON properties to encrypt, the nested values (records, their
 * arrays, collections and map values) that hold more of it, and how to find the data subject.
 * Nested values follow their declared types.
 */
final class PersonalDataPlan {

    private static final PersonalDataPlan NONE = new PersonalDataPlan(null, List.of(), List.of(), List.of());

    private final Class<?> type;
    private final List<String> personalProperties;
    private final List<Nested> nested;
    private final List<Member> subjects;

    private PersonalDataPlan(Class<?> type, List<String> personalProperties, List<Nested> nested, List<Member> subjects) {
        this.type = type;
        this.personalProperties = personalProperties;
        this.nested = nested;
        this.subjects = subjects;
    }

    static PersonalDataPlan of(Class<?> type) {
        return build(type, new HashSet<>());
    }

    boolean hasPersonalData() {
        return !personalProperties.isEmpty() || !nested.isEmpty();
    }

    /** The data subject's id, from the one {@link DataSubject} member of this (top-level) class. */
    String subjectOf(Object value) {
        if (subjects.size() != 1) {
            throw new IllegalArgumentException(type.getName() + " holds @PersonalData, so it needs exactly one @DataSubject"
                    + " component naming the person it belongs to; found " + subjects.size());
        }
        Member subject = subjects.get(0);
        Object id = subject.read(value);
        if (id == null || id.toString().isBlank()) {
            throw new IllegalArgumentException("The @DataSubject " + type.getName() + "." + subject.name()
                    + " is empty, so its personal data cannot be encrypted");
        }
        return id.toString();
    }

    /** Replaces, in place, every personal-data value in {@code tree} (the JSON of an instance) by {@code encrypt}'s result. */
    void encrypt(ObjectNode tree, UnaryOperator<JsonNode> encrypt) {
        for (String property : personalProperties) {
            JsonNode value = tree.get(property);
            if (value != null && !value.isNull() && !value.isMissingNode()) {
                tree.set(property, encrypt.apply(value));
            }
        }
        for (Nested n : nested) {
            JsonNode value = tree.get(n.property());
            if (value == null) {
                continue;
            }
            switch (n.shape()) {
                case VALUE -> applyTo(value, n.plan(), encrypt);
                case ELEMENTS -> {
                    if (value instanceof ArrayNode array) {
                        array.forEach(element -> applyTo(element, n.plan(), encrypt));
                    }
                }
                case MAP_VALUES -> {
                    if (value instanceof ObjectNode map) {
                        for (Iterator<JsonNode> it = map.elements(); it.hasNext(); ) {
                            applyTo(it.next(), n.plan(), encrypt);
                        }
                    }
                }
            }
        }
    }

    private static void applyTo(JsonNode node, PersonalDataPlan plan, UnaryOperator<JsonNode> encrypt) {
        if (node instanceof ObjectNode object) {
            plan.encrypt(object, encrypt);
        }
    }

    private static PersonalDataPlan build(Class<?> type, Set<Class<?>> visiting) {
        if (isLeaf(type) || !visiting.add(type)) {
            return NONE;
        }
        try {
            List<String> personal = new ArrayList<>();
            List<Nested> nested = new ArrayList<>();
            List<Member> subjects = new ArrayList<>();
            for (Member member : members(type)) {
                if (member.has(DataSubject.class)) {
                    subjects.add(member);
                }
                if (member.has(PersonalData.class)) {
                    personal.add(member.name());
                    continue;
                }
                Nested inner = nestedOf(member, visiting);
                if (inner != null) {
                    nested.add(inner);
                }
            }
            if (personal.isEmpty() && nested.isEmpty() && subjects.isEmpty()) {
                return NONE;
            }
            return new PersonalDataPlan(type, List.copyOf(personal), List.copyOf(nested), List.copyOf(subjects));
        } finally {
            visiting.remove(type);
        }
    }

    private static Nested nestedOf(Member member, Set<Class<?>> visiting) {
        Type generic = member.genericType();
        Shape shape = Shape.VALUE;
        Type valueType = generic;
        if (generic instanceof Class<?> c && c.isArray()) {
            shape = Shape.ELEMENTS;
            valueType = c.getComponentType();
        } else if (generic instanceof GenericArrayType array) {
            shape = Shape.ELEMENTS;
            valueType = array.getGenericComponentType();
        } else if (generic instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> raw) {
            Type[] args = parameterized.getActualTypeArguments();
            if (Collection.class.isAssignableFrom(raw) && args.length == 1) {
                shape = Shape.ELEMENTS;
                valueType = args[0];
            } else if (Map.class.isAssignableFrom(raw) && args.length == 2) {
                shape = Shape.MAP_VALUES;
                valueType = args[1];
            } else {
                valueType = raw;
            }
        }
        Class<?> valueClass = rawClass(valueType);
        if (valueClass == null) {
            return null;
        }
        PersonalDataPlan plan = build(valueClass, visiting);
        return plan.hasPersonalData() ? new Nested(member.name(), shape, plan) : null;
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
            return c;
        }
        return null;
    }

    private static boolean isLeaf(Class<?> type) {
        String name = type.getName();
        return type.isPrimitive() || type.isEnum() || type.isArray() || type.isInterface()
                || name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jdk.")
                || name.startsWith("com.fasterxml.") || name.startsWith("org.axonframework.");
    }

    private static List<Member> members(Class<?> type) {
        List<Member> members = new ArrayList<>();
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                Field field = declaredField(type, component.getName());
                members.add(new Member(component.getName(), component.getGenericType(), component.getAccessor(),
                        new AnnotatedElement[] {component, component.getAccessor(), field}));
            }
            return members;
        }
        for (Class<?> c = type; c != null && !isLeaf(c); c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers()) && !Modifier.isTransient(field.getModifiers()) && !field.isSynthetic()) {
                    members.add(new Member(field.getName(), field.getGenericType(), field, new AnnotatedElement[] {field}));
                }
            }
        }
        return members;
    }

    private static Field declaredField(Class<?> type, String name) {
        try {
            return type.getDeclaredField(name);
        } catch (NoSuchFieldException e) {
            return null;
        }
    }

    private enum Shape { VALUE, ELEMENTS, MAP_VALUES }

    private record Nested(String property, Shape shape, PersonalDataPlan plan) {
    }

    /** A record component or field, with its JSON name (honouring {@link JsonProperty}). */
    private record Member(String javaName, Type genericType, AccessibleObject accessor, AnnotatedElement[] annotated) {

        boolean has(Class<? extends java.lang.annotation.Annotation> annotation) {
            for (AnnotatedElement element : annotated) {
                if (element != null && element.isAnnotationPresent(annotation)) {
                    return true;
                }
            }
            return false;
        }

        String name() {
            for (AnnotatedElement element : annotated) {
                JsonProperty renamed = element == null ? null : element.getAnnotation(JsonProperty.class);
                if (renamed != null && !renamed.value().isEmpty()) {
                    return renamed.value();
                }
            }
            return javaName;
        }

        Object read(Object target) {
            try {
                accessor.trySetAccessible();
                if (accessor instanceof Method method) {
                    return method.invoke(target);
                }
                return ((Field) accessor).get(target);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("Cannot read the @DataSubject " + javaName + " of " + target.getClass().getName(), e);
            }
        }
    }
}
