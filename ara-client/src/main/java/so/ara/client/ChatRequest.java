package so.ara.client;

import org.jspecify.annotations.Nullable;

/** A chat turn: body {@code {"messages":[{"role":"user","content":message}]}} + {@code model} + {@code chatId} when non-empty. */
public record ChatRequest(String message, @Nullable String model, @Nullable String conversationId) {

    public static ChatRequest of(String message) {
        return new ChatRequest(message, null, null);
    }
}
