package so.ara.manifest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import so.ara.spec.ScheduleRun;
import so.ara.spec.ScheduleSpec;

/** The workflow compatibility layer: a task workflow per agent, plus one per cron schedule of that agent. */
final class WorkflowBuilder {

    private WorkflowBuilder() {
    }

    static List<Workflow> workflows(List<AgentRow> rows) {
        List<Workflow> workflows = new ArrayList<>();
        for (AgentRow row : rows) {
            String task = row.instructions().isEmpty() ? "Run agent " + row.id() : row.instructions();
            workflows.add(new Workflow(row.id(), "task", row.id(), task, Map.of(), List.of(), "",
                    new Workflow.Trigger("api", null, null, null, null)));
            for (ScheduleSpec schedule : row.schedules()) {
                if (schedule.isCron()) {
                    workflows.add(cronWorkflow(row, task, schedule));
                }
            }
        }
        return List.copyOf(workflows);
    }

    private static Workflow cronWorkflow(AgentRow owner, String ownerTask, ScheduleSpec schedule) {
        String id = owner.id() + "--" + schedule.id();
        Workflow.Trigger trigger = new Workflow.Trigger("cron", schedule.cron(), schedule.cron(), schedule.timezone(),
                schedule.oneShotAt());
        ScheduleRun run = schedule.run();
        if (run.isAgent()) {
            return new Workflow(id, "task", run.agentId(), ownerTask, Map.of(), List.of(), schedule.cron(), trigger);
        }
        Workflow.PipelineStep step = new Workflow.PipelineStep(id + "--tool", "tool", run.toolName(),
                run.args() == null ? Map.of() : run.args());
        return new Workflow(id, "pipeline", owner.id(), "Run scheduled tool " + run.toolName(), Map.of(),
                List.of(step), schedule.cron(), trigger);
    }
}
