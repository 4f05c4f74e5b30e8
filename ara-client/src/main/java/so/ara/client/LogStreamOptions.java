package so.ara.client;

import org.jspecify.annotations.Nullable;

/**
 * Options of a log stream: runtime credentials, reconnect (null = {@link AraClientSettings#reconnect()}), and an
 * initial {@code Last-Event-ID} to resume from (null = live only).
 */
public record LogStreamOptions(RuntimeAuth auth, @Nullable Boolean reconnect, @Nullable String lastEventId) {

    public LogStreamOptions {
        auth = auth != null ? auth : RuntimeAuth.DEFAULT;
    }

    public static LogStreamOptions defaults() {
        return new LogStreamOptions(RuntimeAuth.DEFAULT, null, null);
    }

    public LogStreamOptions withAuth(RuntimeAuth value) {
        return new LogStreamOptions(value, this.reconnect, this.lastEventId);
    }

    public LogStreamOptions withReconnect(boolean value) {
        return new LogStreamOptions(this.auth, value, this.lastEventId);
    }

    public LogStreamOptions withLastEventId(@Nullable String value) {
        return new LogStreamOptions(this.auth, this.reconnect, value);
    }
}
