package so.ara.autoconfigure.callback;

import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.stream.Collectors;

import so.ara.manifest.ParameterSchemas;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Binds a callback's JSON arguments to one method's Java parameters by the names of the generated parameters schema
 * ({@link ParameterSchemas#forMethod}). Values are first checked against that schema (types, enums, required
 * properties, at any depth) so a failure names the parameter and what was expected, e.g.
 * {@code Parameter 'ticketId' of tool 'lookupTicket': expected string}; schema defaults fill absent values; then Jackson
 * binds records, POJOs, enums, collections, maps and {@code Optional}s. An absent or null optional parameter becomes
 * its default, an empty {@code Optional}, the primitive's zero value, or null.
 */
final class CallbackArguments {

    private final String owner;

    private final Parameter[] parameters;

    private final List<String> names;

    private final List<ObjectNode> schemas;

    private final List<Boolean> required;

    private final List<JavaType> types;

    private final JsonMapper mapper;

    /** @param owner how messages name the method, e.g. {@code tool 'lookupTicket'} */
    CallbackArguments(String owner, Method method, JsonMapper mapper) {
        this.owner = owner;
        this.mapper = mapper;
        this.parameters = method.getParameters();
        ObjectNode schema = ParameterSchemas.forMethod(method);
        this.names = new ArrayList<>(schema.get("properties").propertyNames());
        this.schemas = new ArrayList<>();
        this.required = new ArrayList<>();
        this.types = new ArrayList<>();
        List<String> requiredNames = new ArrayList<>();
        schema.get("required").forEach(name -> requiredNames.add(name.asString()));
        for (int i = 0; i < parameters.length; i++) {
            schemas.add((ObjectNode) schema.get("properties").get(names.get(i)));
            required.add(requiredNames.contains(names.get(i)));
            types.add(mapper.constructType(parameters[i].getParameterizedType()));
        }
    }

    /** The schema name of the first parameter (an agent's input). */
    String firstName() {
        return names.get(0);
    }

    /** Binds every parameter from the properties of {@code arguments}; unknown properties are ignored. */
    Object[] bind(ObjectNode arguments) {
        Object[] values = new Object[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            values[i] = bindOne(i, arguments.get(names.get(i)));
        }
        return values;
    }

    /** Binds the single parameter of an agent's prompt method from the {@code input} value. */
    Object bindSingle(JsonNode value) {
        return bindOne(0, value);
    }

    private Object bindOne(int index, JsonNode given) {
        String name = names.get(index);
        ObjectNode schema = schemas.get(index);
        JsonNode value = given == null || given.isNull() ? schema.get("default") : given;
        if (value == null || value.isNull()) {
            if (required.get(index)) {
                throw CallbackFailure.badRequest("Parameter '" + name + "' of " + owner + " is required");
            }
            return absent(parameters[index].getType());
        }
        JsonNode checked = value.deepCopy();
        checked = check(name, schema, checked);
        try {
            return mapper.treeToValue(checked, types.get(index));
        }
        catch (JacksonException ex) {
            String path = name + path(ex.getPath());
            throw CallbackFailure.badRequest("Parameter '" + path + "' of " + owner + ": "
                    + describe(schemaAt(schema, ex.getPath())));
        }
    }

    /** Validates {@code value} against {@code schema}, filling nested defaults; returns the (possibly new) value. */
    private JsonNode check(String path, JsonNode schema, JsonNode value) {
        if (schema == null) {
            return value;
        }
        if (!matchesType(schema, value)) {
            throw CallbackFailure.badRequest("Parameter '" + path + "' of " + owner + ": " + describe(schema));
        }
        if (value instanceof ObjectNode object && schema.get("properties") instanceof ObjectNode properties) {
            List<String> requiredNames = new ArrayList<>();
            if (schema.get("required") != null) {
                schema.get("required").forEach(name -> requiredNames.add(name.asString()));
            }
            for (String property : properties.propertyNames()) {
                JsonNode propertySchema = properties.get(property);
                JsonNode member = object.get(property);
                if (member == null || member.isNull()) {
                    JsonNode fallback = propertySchema.get("default");
                    if (fallback != null) {
                        object.set(property, fallback.deepCopy());
                    }
                    else if (requiredNames.contains(property)) {
                        throw CallbackFailure.badRequest("Parameter '" + path + "." + property + "' of " + owner
                                + " is required");
                    }
                    continue;
                }
                object.set(property, check(path + "." + property, propertySchema, member));
            }
        }
        if (value instanceof ArrayNode array && schema.get("items") != null) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode item = array.get(i);
                if (item.isNull()) {
                    continue;
                }
                array.set(i, check(path + "[" + i + "]", schema.get("items"), item));
            }
        }
        return value;
    }

    private static boolean matchesType(JsonNode schema, JsonNode value) {
        if (schema.get("enum") != null) {
            if (!value.isString()) {
                return false;
            }
            for (JsonNode allowed : schema.get("enum")) {
                if (allowed.asString().equals(value.asString())) {
                    return true;
                }
            }
            return false;
        }
        return switch (schema.path("type").asString("")) {
            case "string" -> value.isString();
            case "boolean" -> value.isBoolean();
            case "integer" -> value.isIntegralNumber() || (value.isNumber() && value.canConvertToExactIntegral());
            case "number" -> value.isNumber();
            case "array" -> value.isArray();
            case "object" -> value.isObject();
            default -> true;
        };
    }

    private static String describe(JsonNode schema) {
        if (schema != null && schema.get("enum") != null) {
            List<String> values = new ArrayList<>();
            schema.get("enum").forEach(v -> values.add(v.asString()));
            return "expected one of " + String.join(", ", values);
        }
        String type = schema == null ? "" : schema.path("type").asString("");
        return type.isEmpty() ? "invalid value" : "expected " + type;
    }

    private static JsonNode schemaAt(JsonNode schema, List<JacksonException.Reference> path) {
        JsonNode current = schema;
        Iterator<JacksonException.Reference> steps = path.iterator();
        while (current != null && steps.hasNext()) {
            JacksonException.Reference step = steps.next();
            current = step.getPropertyName() != null ? current.path("properties").get(step.getPropertyName())
                    : current.get("items");
        }
        return current;
    }

    private static String path(List<JacksonException.Reference> path) {
        return path.stream().map(step -> step.getPropertyName() != null ? "." + step.getPropertyName()
                : "[" + step.getIndex() + "]").collect(Collectors.joining());
    }

    private static Object absent(Class<?> type) {
        if (type == Optional.class) {
            return Optional.empty();
        }
        if (type == OptionalInt.class) {
            return OptionalInt.empty();
        }
        if (type == OptionalLong.class) {
            return OptionalLong.empty();
        }
        if (type == OptionalDouble.class) {
            return OptionalDouble.empty();
        }
        if (type.isPrimitive()) {
            return Array.get(Array.newInstance(type, 1), 0);
        }
        return null;
    }
}
