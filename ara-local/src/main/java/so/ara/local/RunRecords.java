package so.ara.local;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A run as a stored JSON record and back: its answer shape plus the callback (secret sealed) and an order. */
final class RunRecords {

    private final SecretBox box;

    RunRecords(SecretBox box) {
        this.box = box;
    }

    String write(Run run, long seq) {
        Map<String, Object> record = run.toMap();
        record.put("response_mode", run.responseMode);
        record.put("seq", seq);
        if (run.callback != null) {
            Map<String, Object> callback = new LinkedHashMap<>(run.callback);
            Object secret = callback.remove("secret");
            if (secret != null) {
                callback.put("sealed_secret", box.seal(secret.toString()));
            }
            record.put("callback", callback);
        }
        return Json.writeString(record);
    }

    /** Parses a stored record; throws IllegalStateException when it is not a JSON object. */
    static Map<String, Object> parse(String json) {
        Map<String, Object> r = Json.map(Json.parseStored(json));
        if (r == null) {
            throw new IllegalStateException("a stored record is not a JSON object");
        }
        return r;
    }

    static long seq(Map<String, Object> record) {
        return record.get("seq") instanceof Number n ? n.longValue() : 0;
    }

    /** Reads a record; throws IllegalStateException with the field at fault when it is not one. */
    Run read(String json) {
        return read(parse(json));
    }

    Run read(Map<String, Object> r) {
        String runId = required(r, "run_id");
        Map<String, Object> callback = Json.map(r, "callback");
        if (callback != null && callback.get("sealed_secret") != null) {
            callback = new LinkedHashMap<>(callback);
            callback.put("secret", box.open(callback.remove("sealed_secret").toString()));
        }
        Run run = new Run(runId, required(r, "app_id"), Json.str(r, "agent_id"), required(r, "response_mode"),
                r.get("input") == null ? Json.obj() : r.get("input"), Boolean.TRUE.equals(r.get("warmup")),
                Json.str(r, "idempotency_key"), callback, Instant.parse(required(r, "created_at")));
        String completed = Json.str(r, "completed_at");
        run.restore(required(r, "status"), Json.map(r, "output"), Json.map(r, "error"),
                completed == null ? null : Instant.parse(completed));
        return run;
    }

    private static String required(Map<String, Object> r, String field) {
        String value = Json.str(r, field);
        if (value == null) {
            throw new IllegalStateException("a run record has no " + field);
        }
        return value;
    }
}
