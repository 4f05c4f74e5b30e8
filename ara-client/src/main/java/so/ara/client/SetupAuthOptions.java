package so.ara.client;

import org.jspecify.annotations.Nullable;

/** Options of {@link AraClient#setupAuth(SetupAuthOptions)}: x-key name ({@code <slug>-x-header}), rpm 30, ensure runtime key. */
public record SetupAuthOptions(@Nullable String xKeyName, int xKeyRpm, boolean ensureRuntimeKey) {

    public static SetupAuthOptions defaults() {
        return new SetupAuthOptions(null, 30, true);
    }
}
