package so.ara.client;

import org.jspecify.annotations.Nullable;

/**
 * Per-call runtime credentials (docs/ara-reference.md §5.4). An app-header key is sent as {@code X-Ara-App-Key} with no
 * Authorization header; otherwise the runtime key is sent as {@code Authorization: Bearer}. When neither is given the
 * client falls back to {@code ARA_APP_HEADER_KEY}, {@code ARA_RUNTIME_KEY}, the key minted by the last deploy of this
 * slug, and finally auto-provisions one ({@code <slug>-py-local}, 60 rpm).
 */
public record RuntimeAuth(@Nullable String runtimeKey, @Nullable String appHeaderKey) {

    public static final RuntimeAuth DEFAULT = new RuntimeAuth(null, null);

    public static RuntimeAuth runtimeKey(String key) {
        return new RuntimeAuth(key, null);
    }

    public static RuntimeAuth appHeaderKey(String key) {
        return new RuntimeAuth(null, key);
    }

    @Override
    public String toString() {
        return "RuntimeAuth[runtimeKey=" + (this.runtimeKey != null ? "<set>" : "<none>") + ", appHeaderKey="
                + (this.appHeaderKey != null ? "<set>" : "<none>") + "]";
    }
}
