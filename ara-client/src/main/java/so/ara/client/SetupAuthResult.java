package so.ara.client;

import org.jspecify.annotations.Nullable;

/** Result of setup-auth (docs/ara-reference.md §5.2). {@link #toString()} masks the keys. */
public record SetupAuthResult(String appId, String slug, boolean runtimeKeyPresent, boolean runtimeKeyCreated,
        @Nullable String runtimeKey, boolean appHeaderKeyPresent, boolean appHeaderKeyCreated,
        @Nullable String appHeaderKeyId, @Nullable String appHeaderKeyPrefix, @Nullable String appHeaderKey) {

    @Override
    public String toString() {
        return "SetupAuthResult[appId=" + this.appId + ", slug=" + this.slug + ", runtimeKeyPresent="
                + this.runtimeKeyPresent + ", runtimeKeyCreated=" + this.runtimeKeyCreated + ", appHeaderKeyPresent="
                + this.appHeaderKeyPresent + ", appHeaderKeyCreated=" + this.appHeaderKeyCreated
                + ", appHeaderKeyId=" + this.appHeaderKeyId + ", appHeaderKeyPrefix=" + this.appHeaderKeyPrefix + "]";
    }
}
