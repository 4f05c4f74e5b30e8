package so.ara.client;

import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Aggregated chat answer: text, reasoning (null when empty) and tool calls in order of appearance. */
public record ChatResult(String text, @Nullable String reasoning, List<ToolCall> toolCalls) {

    /** A tool call: name, args (default {@code {}}) and result (default {@code ""} until its output arrives). */
    public record ToolCall(String name, JsonNode args, JsonNode result) {
    }
}
