package so.ara.manifest;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.util.StringValueResolver;
import so.ara.annotation.AraAgent;
import so.ara.annotation.AraEndpoint;
import so.ara.annotation.AraSchedule;
import so.ara.annotation.AraTool;
import so.ara.json.AraJson;
import so.ara.spec.Invoke;
import so.ara.spec.ScheduleRun;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads {@code @AraAgent}, {@code @AraTool}, {@code @AraSchedule} and {@code @AraEndpoint} from one method into
 * declarations, checking what the annotations alone cannot (signatures, JSON attributes, combinations). Annotations are
 * found with {@link MergedAnnotations} over the type hierarchy, so they may sit on an interface or superclass method.
 * Attributes a user would configure (ids, cron, at, every, timezone, paths, labels, secret variable names) go through
 * a {@link StringValueResolver}, so {@code ${...}} placeholders resolve as in {@code @Scheduled}; free text
 * (instructions, descriptions, JSON, Python source) is taken as written.
 */
public final class DeclarationReader {

    private final NamedSpecs namedSpecs;
    private final StringValueResolver values;

    public DeclarationReader(NamedSpecs namedSpecs) {
        this(namedSpecs, value -> value);
    }

    /** {@code values} resolves placeholders in configurable attributes (e.g. a bean factory's embedded values). */
    public DeclarationReader(NamedSpecs namedSpecs, StringValueResolver values) {
        this.namedSpecs = namedSpecs;
        this.values = values;
    }

    /** Whether the method carries any Ara annotation. */
    public static boolean isAnnotated(Method method) {
        MergedAnnotations annotations = annotations(method);
        return annotations.isPresent(AraAgent.class) || annotations.isPresent(AraTool.class)
                || annotations.isPresent(AraSchedule.class) || annotations.isPresent(AraEndpoint.class);
    }

    /**
     * Reads the method's declaration into {@code builder} and returns it ({@link AgentDecl} or {@link ToolDecl}).
     * Problems are reported to {@code problems} with the origin prefix; a method with problems contributes nothing
     * and null is returned.
     */
    public Object read(String origin, Method method, AppManifestBuilder builder, Consumer<String> problems) {
        MergedAnnotations annotations = annotations(method);
        MergedAnnotation<AraAgent> agent = annotations.get(AraAgent.class);
        MergedAnnotation<AraTool> tool = annotations.get(AraTool.class);
        boolean hasEndpoint = annotations.isPresent(AraEndpoint.class);
        try {
            if (agent.isPresent() && tool.isPresent()) {
                throw new IllegalArgumentException("a method cannot be both @AraAgent and @AraTool");
            }
            if (!agent.isPresent() && !tool.isPresent()) {
                throw new IllegalArgumentException((hasEndpoint ? "@AraEndpoint" : "@AraSchedule")
                        + " needs @AraAgent on the same method" + (hasEndpoint ? "" : " (or @AraTool)"));
            }
            if (tool.isPresent() && hasEndpoint) {
                throw new IllegalArgumentException("@AraEndpoint applies to @AraAgent methods, not tools");
            }
            List<AraSchedule> schedules = annotations.stream(AraSchedule.class).map(MergedAnnotation::synthesize)
                    .toList();
            if (agent.isPresent()) {
                AgentDecl decl = agentDecl(origin, method, agent.synthesize(), schedules,
                        hasEndpoint ? annotations.get(AraEndpoint.class).synthesize() : null);
                builder.agent(decl);
                return decl;
            }
            ToolDecl decl = toolDecl(origin, method, tool.synthesize(), schedules);
            builder.tool(decl);
            return decl;
        }
        catch (IllegalArgumentException ex) {
            problems.accept(origin + ": " + ex.getMessage());
            return null;
        }
    }

    private AgentDecl agentDecl(String origin, Method method, AraAgent agent, List<AraSchedule> schedules,
            AraEndpoint endpoint) {
        checkAgentSignature(method);
        String runtime = value("@AraAgent", "runtime", agent.runtime());
        String sandbox = value("@AraAgent", "sandbox", agent.sandbox());
        return new AgentDecl(origin, value("@AraAgent", "id", agent.id()), method.getName(), agent.instructions(),
                agent.entrypoint(), agent.skills().length == 0 ? null : values("@AraAgent", "skills", agent.skills()),
                values("@AraAgent", "handoffTo", agent.handoffTo()), agent.alwaysOn(),
                runtime.isBlank() ? null : namedSpecs.runtime(runtime.trim()),
                sandbox.isBlank() ? null : namedSpecs.sandbox(sandbox.trim()), scheduleDecls(schedules),
                endpoint == null ? null : endpointDecl(endpoint), ParameterSchemas.forMethod(method));
    }

    private ToolDecl toolDecl(String origin, Method method, AraTool tool, List<AraSchedule> schedules) {
        ObjectNode parameters = tool.parameters().isBlank() ? ParameterSchemas.forMethod(method)
                : jsonObject(tool.parameters(), "@AraTool(parameters = ...)");
        String source = tool.pythonSource().isBlank() ? null : PythonSourceText.load(tool.pythonSource(),
                method.getDeclaringClass().getClassLoader());
        return new ToolDecl(origin, value("@AraTool", "id", tool.id()), method.getName(), tool.description(),
                parameters, values("@AraTool", "requiredEnv", tool.requiredEnv()), source, scheduleDecls(schedules));
    }

    /** One input ({@code Map} or a record/POJO), returning {@code String} or {@code Mono<String>}. */
    // Mono by name: the agent's code has Reactor, this module does not need it.
    private static void checkAgentSignature(Method method) {
        if (method.getParameterCount() != 1) {
            throw new IllegalArgumentException("an @AraAgent method takes exactly one input parameter (a"
                    + " Map<String, Object> or a record), found " + method.getParameterCount());
        }
        Class<?> input = method.getParameterTypes()[0];
        if (input.isPrimitive() || input.isArray() || input.isEnum() || input == String.class
                || Iterable.class.isAssignableFrom(input) || input.getName().startsWith("java.lang.")
                || input == Optional.class) {
            throw new IllegalArgumentException("an @AraAgent method's input must be a Map<String, Object> or a record,"
                    + " found " + input.getSimpleName());
        }
        Type returned = method.getGenericReturnType();
        boolean text = returned == String.class;
        boolean monoOfText = returned instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw
                && raw.getName().equals("reactor.core.publisher.Mono")
                && p.getActualTypeArguments()[0] == String.class;
        if (!text && !monoOfText) {
            throw new IllegalArgumentException("an @AraAgent method returns the prompt text (String or Mono<String>),"
                    + " found " + returned.getTypeName());
        }
    }

    private List<ScheduleDecl> scheduleDecls(List<AraSchedule> schedules) {
        List<ScheduleDecl> decls = new ArrayList<>();
        for (AraSchedule schedule : schedules) {
            decls.add(new ScheduleDecl(value("@AraSchedule", "id", schedule.id()),
                    value("@AraSchedule", "cron", schedule.cron()), values("@AraSchedule", "at", schedule.at()),
                    IntervalText.seconds(value("@AraSchedule", "every", schedule.every())),
                    value("@AraSchedule", "timezone", schedule.timezone()), scheduleRun(schedule)));
        }
        return decls;
    }

    private ScheduleRun scheduleRun(AraSchedule schedule) {
        String runAgent = value("@AraSchedule", "runAgent", schedule.runAgent());
        String runTool = value("@AraSchedule", "runTool", schedule.runTool());
        boolean agent = !runAgent.isBlank();
        boolean tool = !runTool.isBlank();
        if (agent && tool) {
            throw new IllegalArgumentException("@AraSchedule takes runAgent or runTool, not both");
        }
        if (agent) {
            return Invoke.agent(runAgent, schedule.input().isBlank() ? null
                    : AraJson.mapper().convertValue(jsonObject(schedule.input(), "@AraSchedule(input = ...)"), Map.class));
        }
        if (tool) {
            return Invoke.tool(runTool, schedule.args().isBlank() ? null
                    : AraJson.mapper().convertValue(jsonObject(schedule.args(), "@AraSchedule(args = ...)"), Map.class));
        }
        if (!schedule.input().isBlank() || !schedule.args().isBlank()) {
            throw new IllegalArgumentException("@AraSchedule(input/args) needs runAgent or runTool");
        }
        return null;
    }

    private EndpointDecl endpointDecl(AraEndpoint endpoint) {
        return new EndpointDecl(endpoint.method().name(), value("@AraEndpoint", "path", endpoint.path()),
                value("@AraEndpoint", "label", endpoint.label()), endpoint.auth().name(),
                value("@AraEndpoint", "headerName", endpoint.headerName()),
                value("@AraEndpoint", "secretEnv", endpoint.secretEnv()), endpoint.docs());
    }

    /** The attribute with its placeholders resolved; an unresolvable one is reported with the attribute's name. */
    private String value(String annotation, String attribute, String raw) {
        if (raw == null || !raw.contains("${")) {
            return raw;
        }
        try {
            String resolved = values.resolveStringValue(raw);
            return resolved == null ? "" : resolved;
        }
        catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException(annotation + "(" + attribute + " = \"" + raw + "\"): " + ex.getMessage(),
                    ex);
        }
    }

    private List<String> values(String annotation, String attribute, String[] raw) {
        return Arrays.stream(raw).map(value -> value(annotation, attribute, value)).toList();
    }

    private static ObjectNode jsonObject(String json, String what) {
        try {
            JsonNode node = AraJson.mapper().readTree(json);
            if (node instanceof ObjectNode object) {
                return object;
            }
        }
        catch (JacksonException ex) {
            // reported below with the attribute's name
        }
        throw new IllegalArgumentException(what + " must be a JSON object, got: " + json);
    }

    private static MergedAnnotations annotations(Method method) {
        return MergedAnnotations.from(method, SearchStrategy.TYPE_HIERARCHY);
    }
}
