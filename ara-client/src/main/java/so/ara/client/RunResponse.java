package so.ara.client;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The answer of {@code run}, {@code runAsync} and {@code runStatus}: the run (from {@code run}, or the top level when
 * the server answers flat), its id and status (top-level values win, else the run's), and the whole tree as {@code raw}.
 */
public record RunResponse(boolean ok, @Nullable String runId, @Nullable String status, @Nullable JsonNode output,
        @Nullable AraRun run, JsonNode raw) {

    static RunResponse from(JsonNode body) {
        JsonNode runNode = Json.node(body, "run");
        AraRun run = AraRun.from(runNode != null ? runNode : (body.has("run_id") ? body : null));
        String runId = Json.text(body, "run_id") != null ? Json.text(body, "run_id") : (run != null ? run.runId() : null);
        String status = Json.text(body, "status") != null ? Json.text(body, "status") : (run != null ? run.status() : null);
        JsonNode output = Json.node(body, "output") != null ? Json.node(body, "output") : (run != null ? run.output() : null);
        return new RunResponse(Json.bool(body, "ok", true), runId, status, output, run, body);
    }

    /** {@code output.text} when present. */
    public @Nullable String outputText() {
        return Json.text(this.output, "text");
    }

    public boolean isTerminal() {
        return "completed".equals(this.status) || "failed".equals(this.status) || "cancelled".equals(this.status);
    }
}
