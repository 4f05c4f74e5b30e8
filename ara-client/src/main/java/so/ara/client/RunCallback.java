package so.ara.client;

import java.util.List;

/**
 * Webhook callback of an async run: {@code {"url","secret","events"}}; secret defaults to {@code ""}, events to
 * {@code ["run.completed","run.failed"]}.
 */
public record RunCallback(String url, String secret, List<String> events) {

    public static final List<String> DEFAULT_EVENTS = List.of("run.completed", "run.failed");

    public RunCallback {
        secret = secret != null ? secret : "";
        events = events == null || events.isEmpty() ? DEFAULT_EVENTS : List.copyOf(events);
    }

    public static RunCallback of(String url, String secret) {
        return new RunCallback(url, secret, DEFAULT_EVENTS);
    }

    @Override
    public String toString() {
        return "RunCallback[url=" + this.url + ", events=" + this.events + "]";
    }
}
