package so.ara.cli;

import so.ara.client.RunResponse;
import tools.jackson.databind.JsonNode;

/** The one-line error {@code ara run} prints on stderr for a run whose status is {@code failed}. */
final class RunFailure {

    private RunFailure() {
    }

    static String describe(RunResponse response) {
        String error = errorText(response.raw().path("error"));
        if (error == null) {
            error = errorText(response.raw().path("run").path("error"));
        }
        return "Run " + (response.runId() != null ? response.runId() + " " : "") + "failed: "
                + (error != null ? error : "no error message");
    }

    private static String errorText(JsonNode error) {
        if (error.isString() && !error.asString().isBlank()) {
            return error.asString();
        }
        if (error.isObject()) {
            JsonNode message = error.path("message");
            return message.isString() && !message.asString().isBlank() ? message.asString() : error.toString();
        }
        return null;
    }
}
