package so.ara.manifest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import so.ara.spec.Invoke;
import so.ara.spec.Normalized;
import so.ara.spec.RuntimeProfile;
import so.ara.spec.Sandbox;
import so.ara.spec.Schedule;
import so.ara.spec.ScheduleDeclaration;
import so.ara.spec.ScheduleRun;
import so.ara.spec.ScheduleSpec;
import so.ara.spec.Slugify;

/**
 * Turns declared agents and tools into the {@link AppManifest}, following the reference's manifest builder: agent rows,
 * default agent, profiles, subagents, tool rows, tool schedules anchored on an agent, workflows and endpoints. Unlike
 * the reference it does not silently replace duplicates: every problem is collected and reported together.
 */
public final class AppManifestBuilder {

    public static final String FASTAPI_ENDPOINTS = "fastapi_endpoints";
    static final String FALLBACK_AGENT_ID = "scheduled-jobs";
    private static final Pattern PROJECT_NAME = Pattern.compile("^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$");

    private final String projectName;
    private final List<AgentDecl> agents = new ArrayList<>();
    private final List<ToolDecl> tools = new ArrayList<>();
    private Map<String, Object> interfaces = Map.of();
    private RuntimeProfile runtimeProfile = RuntimeProfile.EMPTY;
    private PythonSources sources = PythonSources.withoutCallback("app");
    private java.util.Set<String> builtinSkills;

    public AppManifestBuilder(String projectName) {
        this.projectName = projectName == null ? "" : projectName.trim();
    }

    /** {@code App(interfaces=...)}: copied verbatim, endpoints are appended. */
    public AppManifestBuilder interfaces(Map<String, Object> interfaces) {
        this.interfaces = interfaces == null ? Map.of() : interfaces;
        return this;
    }

    public AppManifestBuilder runtimeProfile(RuntimeProfile runtimeProfile) {
        this.runtimeProfile = runtimeProfile == null ? RuntimeProfile.EMPTY : runtimeProfile;
        return this;
    }

    /** How the Python source of Java tools and prompt methods is generated. */
    public AppManifestBuilder sources(PythonSources sources) {
        this.sources = sources;
        return this;
    }

    /**
     * Checks the ids that skills, {@code handoffTo}, {@code runAgent} and {@code runTool} name (off unless called):
     * each must be an agent or tool of this app, a connector token, or one of Ara's built-ins ({@code
     * automation_create}) or {@code extraBuiltins}. Unknown ones are problems, with a "did you mean" when one is close.
     */
    public AppManifestBuilder checkReferences(java.util.Collection<String> extraBuiltins) {
        this.builtinSkills = new java.util.LinkedHashSet<>(ReferenceCheck.BUILTIN_SKILLS);
        this.builtinSkills.addAll(extraBuiltins);
        return this;
    }

    public AppManifestBuilder agent(AgentDecl agent) {
        agents.add(agent);
        return this;
    }

    public AppManifestBuilder tool(ToolDecl tool) {
        tools.add(tool);
        return this;
    }

    /** Builds the manifest, or throws {@link ManifestValidationException} listing every problem found. */
    public AppManifest build() {
        return build(sources);
    }

    /** Builds the manifest with Python sources that call back to another URL (for example a local port). */
    public AppManifest build(PythonSources pythonSources) {
        PythonSources previous = this.sources;
        this.sources = pythonSources;
        try {
            return buildManifest();
        }
        finally {
            this.sources = previous;
        }
    }

    public String projectName() {
        return projectName;
    }

    private AppManifest buildManifest() {
        Problems problems = new Problems();
        if (!PROJECT_NAME.matcher(projectName).matches()) {
            problems.add("ara.project-name '" + projectName + "'", "project_name must match "
                    + "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])? (lowercase letters, digits, hyphens only; no underscores)");
        }
        List<AgentRow> agentRows = agentRows(problems);
        List<ToolRow> toolRows = toolRows(problems);
        String defaultAgentId = defaultAgentId(agentRows);
        agentRows = anchorToolSchedules(agentRows, toolRows, defaultAgentId);
        if (defaultAgentId == null && !agentRows.isEmpty()) {
            defaultAgentId = agentRows.get(0).id();
        }
        checkEndpointsUnique(problems);
        if (builtinSkills != null) {
            ReferenceCheck references = new ReferenceCheck(agentRows.stream().map(AgentRow::id).toList(),
                    toolRows.stream().map(row -> row.function().name()).toList(), builtinSkills);
            agents.forEach(agent -> references.agent(agent, problems::add));
            tools.forEach(tool -> references.tool(tool, problems::add));
        }
        problems.throwIfAny();
        return new AppManifest(projectName, projectName, "", agentBlock(agentRows, toolRows, defaultAgentId),
                WorkflowBuilder.workflows(agentRows), interfacesWithEndpoints(agentRows), runtimeProfile);
    }

    private List<AgentRow> agentRows(Problems problems) {
        return uniqueRows(agents, "agent", AgentDecl::origin, AgentDecl::effectiveId, this::agentRow, problems);
    }

    /**
     * One row per declaration, in order. A declaration that fails is reported and left out; a second one with an id
     * already used is reported naming both places (the reference would silently replace the first).
     */
    private static <D, R> List<R> uniqueRows(List<D> decls, String kind, Function<D, String> origin,
            Function<D, String> id, BiFunction<D, String, R> row, Problems problems) {
        Map<String, R> rows = new LinkedHashMap<>();
        Map<String, String> origins = new LinkedHashMap<>();
        for (D decl : decls) {
            String declId = id.apply(decl);
            R built = problems.check(origin.apply(decl), () -> row.apply(decl, declId));
            if (built == null) {
                continue;
            }
            if (origins.containsKey(declId)) {
                problems.add(origin.apply(decl),
                        "duplicate " + kind + " id '" + declId + "', also declared by " + origins.get(declId));
                continue;
            }
            origins.put(declId, origin.apply(decl));
            rows.put(declId, built);
        }
        return new ArrayList<>(rows.values());
    }

    private AgentRow agentRow(AgentDecl decl, String id) {
        if (id.isEmpty()) {
            throw new IllegalArgumentException("@app.agent requires a non-empty id");
        }
        String instructions = Normalized.text(decl.instructions());
        if (instructions.isEmpty()) {
            instructions = "Generate instructions at runtime via agent function '" + decl.functionName() + "'.";
        }
        List<ScheduleSpec> schedules = schedules(decl.schedules(), decl.functionName(), Invoke.agent(id));
        AgentRow.PromptFactory promptFactory = new AgentRow.PromptFactory(decl.functionName(),
                sources.promptSource(id, decl.functionName(), decl.promptParameters(), instructions),
                decl.promptParameters());
        EndpointSpec endpoint = decl.endpoint() == null ? null : Endpoints.normalize(decl.endpoint(), decl.functionName());
        RuntimeProfile runtime = decl.runtime() == null || decl.runtime().isEmpty() ? null : decl.runtime();
        return new AgentRow(id, instructions, instructions, instructions, schedules,
                Normalized.list(decl.handoffTo()), decl.alwaysOn(), decl.entrypoint(), promptFactory,
                decl.skills() == null ? null : Normalized.list(decl.skills()), runtime, decl.sandbox(), endpoint);
    }

    private List<ToolRow> toolRows(Problems problems) {
        return uniqueRows(tools, "tool", ToolDecl::origin, ToolDecl::effectiveId, this::toolRow, problems);
    }

    private ToolRow toolRow(ToolDecl decl, String id) {
        if (id.isEmpty()) {
            throw new IllegalArgumentException("@app.tool requires a non-empty id");
        }
        List<String> requiredEnv = new ArrayList<>();
        for (String key : Normalized.list(decl.requiredEnv())) {
            requiredEnv.add(so.ara.spec.EnvKeys.validate(key));
        }
        List<ScheduleSpec> schedules = schedules(decl.schedules(), decl.functionName(), Invoke.tool(id));
        String description = Normalized.text(decl.description());
        String source = decl.pythonSource() != null ? decl.pythonSource()
                : sources.toolSource(id, decl.functionName(), description, decl.parameters());
        return new ToolRow("function", new ToolRow.Function(id, description, decl.parameters()), decl.functionName(),
                source, requiredEnv.isEmpty() ? null : List.copyOf(requiredEnv),
                schedules.isEmpty() ? null : schedules);
    }

    /** Expands declared schedules; later entries with an id already seen replace it in place. */
    private static List<ScheduleSpec> schedules(List<ScheduleDecl> decls, String functionName, ScheduleRun ownRun) {
        List<ScheduleSpec> specs = new ArrayList<>();
        for (ScheduleDecl decl : decls == null ? List.<ScheduleDecl>of() : decls) {
            ScheduleRun run = decl.run() == null ? ownRun : decl.run();
            if (decl.everySeconds() != 0) {
                if (!Normalized.text(decl.cron()).isEmpty() || !decl.at().isEmpty()) {
                    throw new IllegalArgumentException("@AraSchedule takes either every or cron/at, not both");
                }
                String id = Normalized.text(decl.id()).isEmpty() ? null : Slugify.slugify(decl.id());
                specs = merge(specs, List.of(Schedule.every(Math.toIntExact(decl.everySeconds()), run, id)));
            }
            else {
                String base = Normalized.text(decl.id()).isEmpty() ? Names.slugSource(functionName) : decl.id();
                specs = merge(specs, new ScheduleDeclaration(base, decl.cron(), decl.at(), decl.timezone(), run).expand());
            }
        }
        return List.copyOf(specs);
    }

    static List<ScheduleSpec> merge(List<ScheduleSpec> existing, List<ScheduleSpec> added) {
        Map<String, ScheduleSpec> byId = new LinkedHashMap<>();
        existing.forEach(spec -> byId.put(spec.id(), spec));
        added.forEach(spec -> byId.put(spec.id(), spec));
        return new ArrayList<>(byId.values());
    }

    private static String defaultAgentId(List<AgentRow> rows) {
        String defaultId = rows.isEmpty() ? null : rows.get(0).id();
        for (AgentRow row : rows) {
            if (row.entrypoint()) {
                defaultId = row.id();
            }
        }
        return defaultId;
    }

    /** Tool schedules are copied into the default agent's schedules (a synthetic agent when there is none). */
    private static List<AgentRow> anchorToolSchedules(List<AgentRow> rows, List<ToolRow> tools, String defaultId) {
        List<ScheduleSpec> toolSchedules = new ArrayList<>();
        tools.stream().filter(tool -> tool.schedules() != null).forEach(tool -> toolSchedules.addAll(tool.schedules()));
        if (toolSchedules.isEmpty()) {
            return rows;
        }
        List<AgentRow> anchored = new ArrayList<>(rows);
        if (anchored.isEmpty()) {
            String text = "Execute scheduled tool jobs.";
            anchored.add(new AgentRow(FALLBACK_AGENT_ID, text, text, text, List.of(), List.of(), false, false, null,
                    null, null, null, null));
        }
        int anchor = 0;
        for (int i = 0; i < anchored.size(); i++) {
            if (anchored.get(i).id().equals(defaultId)) {
                anchor = i;
            }
        }
        AgentRow row = anchored.get(anchor);
        anchored.set(anchor, row.withSchedules(List.copyOf(merge(row.schedules(), toolSchedules))));
        return anchored;
    }

    private static AgentBlock agentBlock(List<AgentRow> rows, List<ToolRow> tools, String defaultAgentId) {
        List<ToolRow> toolList = tools.isEmpty() ? null : List.copyOf(tools);
        if (rows.isEmpty()) {
            return new AgentBlock(null, null, null, null, null, toolList);
        }
        List<AgentBlock.Profile> profiles = rows.stream().map(row -> new AgentBlock.Profile(row.id(),
                row.instructions(), row.instructions(), row.handoffTo(), row.alwaysOn(), row.skills())).toList();
        List<AgentBlock.Subagent> subagents = rows.stream().map(row -> new AgentBlock.Subagent(row.id(), row.id(),
                List.of("linq"), row.runtime() == null ? RuntimeProfile.EMPTY : row.runtime(),
                row.sandbox() == null ? Sandbox.DEFAULT : row.sandbox(), List.of())).toList();
        return new AgentBlock(List.copyOf(rows), defaultAgentId, profiles, defaultAgentId, subagents, toolList);
    }

    private Map<String, Object> interfacesWithEndpoints(List<AgentRow> rows) {
        Map<String, Object> result = new LinkedHashMap<>(interfaces);
        List<Object> endpoints = new ArrayList<>();
        if (result.get(FASTAPI_ENDPOINTS) instanceof List<?> declared) {
            endpoints.addAll(declared);
        }
        rows.stream().filter(row -> row.fastapiEndpoint() != null)
                .forEach(row -> endpoints.add(row.fastapiEndpoint().boundTo(row.id())));
        if (!endpoints.isEmpty()) {
            result.put(FASTAPI_ENDPOINTS, List.copyOf(endpoints));
        }
        return java.util.Collections.unmodifiableMap(result);
    }

    /** Two endpoints cannot share a label (the gateway path) or a method and path (the local route). */
    private void checkEndpointsUnique(Problems problems) {
        Map<String, String> labels = new LinkedHashMap<>();
        Map<String, String> routes = new LinkedHashMap<>();
        for (AgentDecl decl : agents) {
            if (decl.endpoint() == null) {
                continue;
            }
            EndpointSpec spec;
            try {
                spec = Endpoints.normalize(decl.endpoint(), decl.functionName());
            }
            catch (IllegalArgumentException alreadyReported) {
                continue;
            }
            String label = labels.putIfAbsent(spec.label(), decl.origin());
            if (label != null) {
                problems.add(decl.origin(), "duplicate endpoint label '" + spec.label() + "', also used by " + label);
            }
            String route = routes.putIfAbsent(spec.method() + " " + spec.path(), decl.origin());
            if (route != null) {
                problems.add(decl.origin(),
                        "duplicate endpoint " + spec.method() + " " + spec.path() + ", also declared by " + route);
            }
        }
    }

    /** Collects problems, each prefixed with where it was declared. */
    private static final class Problems {

        private final List<String> messages = new ArrayList<>();

        void add(String origin, String message) {
            messages.add(origin + ": " + message);
        }

        <T> T check(String origin, Supplier<T> step) {
            try {
                return step.get();
            }
            catch (IllegalArgumentException ex) {
                add(origin, ex.getMessage());
                return null;
            }
        }

        void throwIfAny() {
            if (!messages.isEmpty()) {
                throw new ManifestValidationException(messages);
            }
        }
    }
}
