package so.ara.autoconfigure.callback;

import java.security.SecureRandom;
import java.util.HexFormat;

import so.ara.manifest.PythonSources;

/**
 * The key that signs the callbacks from Ara's runtime to this app's Java tools and prompt methods: the configured
 * {@code ara.callback.secret}, or 32 random bytes (hex) generated at each start when none is set. Deploy syncs it to
 * Ara as the secret {@value PythonSources#CALLBACK_SECRET_NAME} under the key
 * {@value PythonSources#CALLBACK_SECRET_ENV}. The value is never logged and never part of {@link #toString()}.
 */
public final class AraCallbackSecret {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String value;

    private final boolean generated;

    private AraCallbackSecret(String value, boolean generated) {
        this.value = value;
        this.generated = generated;
    }

    /** The configured secret, or a generated one when {@code configured} is null or blank. */
    public static AraCallbackSecret of(String configured) {
        if (configured == null || configured.isBlank()) {
            return generate();
        }
        return new AraCallbackSecret(configured.trim(), false);
    }

    /** 32 random bytes from {@link SecureRandom}, hex encoded. */
    public static AraCallbackSecret generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new AraCallbackSecret(HexFormat.of().formatHex(bytes), true);
    }

    /** The secret text; its UTF-8 bytes are the HMAC key. */
    public String value() {
        return value;
    }

    /** Whether the secret was generated for this start (so Ara must receive it by a deploy from this process). */
    public boolean generated() {
        return generated;
    }

    /** Name of the Ara app secret carrying this value. */
    public String secretName() {
        return PythonSources.CALLBACK_SECRET_NAME;
    }

    /** Environment variable name under which Ara's runtime sees this value. */
    public String environmentVariable() {
        return PythonSources.CALLBACK_SECRET_ENV;
    }

    @Override
    public String toString() {
        return "AraCallbackSecret[" + (generated ? "generated" : "configured") + ", value hidden]";
    }
}
