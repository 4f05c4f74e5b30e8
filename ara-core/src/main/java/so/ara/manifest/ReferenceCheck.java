package so.ara.manifest;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiConsumer;

import so.ara.spec.Normalized;
import so.ara.spec.ScheduleRun;

/**
 * Checks that the ids an app declares point somewhere, as Ara enforces them at run time: skills name a tool of the app,
 * a known built-in or a connector token; {@code handoffTo} and {@code runAgent} name an agent; {@code runTool} names a
 * tool or a built-in. A near miss gets a "did you mean" suggestion.
 */
final class ReferenceCheck {

    /** Skill names Ara provides itself, as the reference names them. */
    static final Set<String> BUILTIN_SKILLS = Set.of("automation_create");

    private final Set<String> agentIds;
    private final Set<String> toolIds;
    private final Set<String> builtins;

    ReferenceCheck(Collection<String> agentIds, Collection<String> toolIds, Collection<String> builtins) {
        this.agentIds = new LinkedHashSet<>(agentIds);
        this.toolIds = new LinkedHashSet<>(toolIds);
        this.builtins = new LinkedHashSet<>(builtins);
    }

    void agent(AgentDecl agent, BiConsumer<String, String> problems) {
        if (agent.skills() != null) {
            for (String skill : Normalized.list(agent.skills())) {
                if (!isConnector(skill) && !toolIds.contains(skill) && !builtins.contains(skill)) {
                    problems.accept(agent.origin(), "unknown skill '" + skill + "': no tool, built-in or connector"
                            + " of that name" + suggestion(skill, union(toolIds, builtins)));
                }
            }
        }
        for (String target : Normalized.list(agent.handoffTo())) {
            if (!agentIds.contains(target)) {
                problems.accept(agent.origin(), "unknown agent '" + target + "' in handoffTo"
                        + suggestion(target, agentIds));
            }
        }
        schedules(agent.origin(), agent.schedules(), problems);
    }

    void tool(ToolDecl tool, BiConsumer<String, String> problems) {
        schedules(tool.origin(), tool.schedules(), problems);
    }

    private void schedules(String origin, List<ScheduleDecl> schedules, BiConsumer<String, String> problems) {
        for (ScheduleDecl schedule : schedules == null ? List.<ScheduleDecl>of() : schedules) {
            ScheduleRun run = schedule.run();
            if (run == null) {
                continue;
            }
            if (run.isAgent() && !agentIds.contains(run.agentId())) {
                problems.accept(origin, "unknown agent '" + run.agentId() + "' in @AraSchedule(runAgent)"
                        + suggestion(run.agentId(), agentIds));
            }
            else if (!run.isAgent() && !toolIds.contains(run.toolName()) && !builtins.contains(run.toolName())) {
                problems.accept(origin, "unknown tool '" + run.toolName() + "' in @AraSchedule(runTool)"
                        + suggestion(run.toolName(), union(toolIds, builtins)));
            }
        }
    }

    private static boolean isConnector(String skill) {
        return skill.startsWith("connector:") || skill.startsWith("composio:");
    }

    private static Set<String> union(Set<String> first, Set<String> second) {
        Set<String> all = new LinkedHashSet<>(first);
        all.addAll(second);
        return all;
    }

    /** {@code " (did you mean 'x'?)"} for the closest candidate within edit distance 2, else empty. */
    static String suggestion(String given, Collection<String> candidates) {
        String best = null;
        int bestDistance = 3;
        for (String candidate : candidates) {
            int distance = distance(given.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best == null ? "" : " (did you mean '" + best + "'?)";
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
