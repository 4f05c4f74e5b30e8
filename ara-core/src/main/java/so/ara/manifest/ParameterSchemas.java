package so.ara.manifest;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import so.ara.annotation.AraParam;
import so.ara.json.AraJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON schemas of Java method parameters, for tools' {@code function.parameters} and agents' prompt functions. Maps
 * what the reference maps (string, boolean, integer, number, object, array) and more: records and POJOs as nested
 * objects, enums as {@code enum}, element types of collections, {@code Optional}/{@code @Nullable} as not required,
 * and {@link AraParam} descriptions and defaults. Properties keep declaration order, so output is deterministic.
 */
public final class ParameterSchemas {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ParameterSchemas() {
    }

    /** {@code {"type":"object","properties":{...},"required":[...]}} for every parameter of the method. */
    public static ObjectNode forMethod(Method method) {
        ObjectNode schema = NODES.objectNode();
        schema.put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = NODES.arrayNode();
        for (Parameter parameter : method.getParameters()) {
            String name = parameterName(parameter, method);
            AraParam param = parameter.getAnnotation(AraParam.class);
            ObjectNode property = described(typeSchema(parameter.getParameterizedType(), new HashSet<>()), param);
            properties.set(name, property);
            if (isRequired(parameter.getParameterizedType(), parameter, param)) {
                required.add(name);
            }
        }
        schema.set("required", required);
        return schema;
    }

    static String parameterName(Parameter parameter, Method method) {
        AraParam param = parameter.getAnnotation(AraParam.class);
        if (param != null && !param.name().isBlank()) {
            return param.name().trim();
        }
        if (!parameter.isNamePresent()) {
            throw new IllegalArgumentException("parameter names of " + method.getName() + " are not available: compile"
                    + " with -parameters (spring-boot-starter-parent does) or name them with @AraParam(name = ...)");
        }
        return parameter.getName();
    }

    private static boolean isRequired(Type type, AnnotatedElement element, AraParam param) {
        if (param != null && (!param.required() || !param.defaultValue().isBlank())) {
            return false;
        }
        Class<?> raw = rawClass(type);
        return !(raw == Optional.class || raw == OptionalInt.class || raw == OptionalLong.class
                || raw == OptionalDouble.class || isNullable(element));
    }

    private static boolean isNullable(AnnotatedElement element) {
        for (Annotation annotation : element.getAnnotations()) {
            if (annotation.annotationType().getSimpleName().equals("Nullable")) {
                return true;
            }
        }
        if (element instanceof Parameter parameter) {
            return hasNullableTypeUse(parameter.getAnnotatedType().getAnnotations());
        }
        if (element instanceof RecordComponent component) {
            return hasNullableTypeUse(component.getAnnotatedType().getAnnotations());
        }
        if (element instanceof Field field) {
            return hasNullableTypeUse(field.getAnnotatedType().getAnnotations());
        }
        return false;
    }

    private static boolean hasNullableTypeUse(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation.annotationType().getSimpleName().equals("Nullable")) {
                return true;
            }
        }
        return false;
    }

    private static ObjectNode described(ObjectNode schema, AraParam param) {
        if (param == null) {
            return schema;
        }
        if (!param.description().isBlank()) {
            schema.put("description", param.description().trim());
        }
        if (!param.defaultValue().isBlank()) {
            try {
                schema.set("default", AraJson.mapper().readTree(param.defaultValue()));
            }
            catch (JacksonException ex) {
                throw new IllegalArgumentException("@AraParam(defaultValue = \"" + param.defaultValue()
                        + "\") is not a JSON literal (quote strings: \"\\\"text\\\"\")");
            }
        }
        return schema;
    }

    /** The schema of one Java type; {@code visiting} stops recursion into self-referencing types. */
    static ObjectNode typeSchema(Type type, Set<Class<?>> visiting) {
        Class<?> raw = rawClass(type);
        ObjectNode schema = NODES.objectNode();
        if (raw == Optional.class) {
            return typeSchema(typeArgument(type, 0), visiting);
        }
        String simple = simpleType(raw);
        if (simple != null) {
            schema.put("type", simple);
            return schema;
        }
        if (raw.isEnum()) {
            schema.put("type", "string");
            ArrayNode values = schema.putArray("enum");
            for (Object constant : raw.getEnumConstants()) {
                values.add(((Enum<?>) constant).name());
            }
            return schema;
        }
        if (raw.isArray() || Collection.class.isAssignableFrom(raw)) {
            schema.put("type", "array");
            Type element = raw.isArray() ? componentType(type, raw) : typeArgument(type, 0);
            if (element != Object.class) {
                schema.set("items", typeSchema(element, visiting));
            }
            return schema;
        }
        schema.put("type", "object");
        if (Map.class.isAssignableFrom(raw) || raw == Object.class || raw.isInterface() || !visiting.add(raw)) {
            return schema;
        }
        try {
            objectProperties(raw, schema, visiting);
        }
        finally {
            visiting.remove(raw);
        }
        return schema;
    }

    private static void objectProperties(Class<?> type, ObjectNode schema, Set<Class<?>> visiting) {
        ObjectNode properties = NODES.objectNode();
        ArrayNode required = NODES.arrayNode();
        for (Member member : members(type)) {
            AraParam param = member.element().getAnnotation(AraParam.class);
            properties.set(member.name(), described(typeSchema(member.type(), visiting), param));
            if (isRequired(member.type(), member.element(), param)) {
                required.add(member.name());
            }
        }
        schema.set("properties", properties);
        schema.set("required", required);
    }

    private record Member(String name, Type type, AnnotatedElement element) {
    }

    /** Record components, or a POJO's non-static fields, with {@code @JsonProperty} names honoured. */
    private static List<Member> members(Class<?> type) {
        List<Member> members = new ArrayList<>();
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                members.add(new Member(jsonName(component.getAccessor(), jsonName(recordField(type, component),
                        component.getName())), component.getGenericType(), component));
            }
            return members;
        }
        for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
            for (Field field : current.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers()) && !field.isSynthetic()) {
                    members.add(new Member(jsonName(field, field.getName()), field.getGenericType(), field));
                }
            }
        }
        return members;
    }

    /** {@code @JsonProperty} on a record component lands on its field and accessor, not on the component. */
    private static Field recordField(Class<?> type, RecordComponent component) {
        try {
            return type.getDeclaredField(component.getName());
        }
        catch (NoSuchFieldException ex) {
            return null;
        }
    }

    private static String jsonName(AnnotatedElement element, String fallback) {
        if (element == null) {
            return fallback;
        }
        JsonProperty property = element.getAnnotation(JsonProperty.class);
        return property != null && !property.value().isEmpty() ? property.value() : fallback;
    }

    private static String simpleType(Class<?> raw) {
        if (raw == String.class || raw == char.class || raw == Character.class || CharSequence.class.isAssignableFrom(raw)
                || raw == UUID.class || Temporal.class.isAssignableFrom(raw) || raw == java.time.Duration.class) {
            return "string";
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return "boolean";
        }
        if (raw == int.class || raw == long.class || raw == short.class || raw == byte.class || raw == Integer.class
                || raw == Long.class || raw == Short.class || raw == Byte.class || raw == BigInteger.class
                || raw == OptionalInt.class || raw == OptionalLong.class) {
            return "integer";
        }
        if (raw == double.class || raw == float.class || raw == Double.class || raw == Float.class
                || raw == BigDecimal.class || raw == OptionalDouble.class || raw == Number.class) {
            return "number";
        }
        return null;
    }

    static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        if (type instanceof GenericArrayType) {
            return Object[].class;
        }
        if (type instanceof WildcardType w) {
            return rawClass(w.getUpperBounds()[0]);
        }
        return Object.class;
    }

    private static Type typeArgument(Type type, int index) {
        if (type instanceof ParameterizedType p && p.getActualTypeArguments().length > index) {
            Type argument = p.getActualTypeArguments()[index];
            return argument instanceof WildcardType w ? w.getUpperBounds()[0] : argument;
        }
        return Object.class;
    }

    private static Type componentType(Type type, Class<?> raw) {
        return type instanceof GenericArrayType g ? g.getGenericComponentType() : raw.getComponentType();
    }
}
