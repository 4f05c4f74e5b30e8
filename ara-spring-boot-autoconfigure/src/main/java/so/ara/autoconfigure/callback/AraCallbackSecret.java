package so.ara.autoconfigure.callback;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;

import so.ara.auth.HmacSha256;
import so.ara.manifest.PythonSources;

/**
 * The key that signs the callbacks from Ara's runtime to this app's Java tools and prompt methods. In order of
 * preference: the configured {@code ara.callback.secret}; one derived from the control-plane credential and the app
 * slug (HMAC-SHA256), so every replica deploying with the same credential has the same secret without configuration;
 * or 32 random bytes generated at each start. Deploy syncs it to Ara as the secret
 * {@value PythonSources#CALLBACK_SECRET_NAME} under the key {@value PythonSources#CALLBACK_SECRET_ENV}. The value is
 * never logged and never part of {@link #toString()}; a derived value does not reveal the credential.
 */
public final class AraCallbackSecret {

    /** Where the secret came from. */
    public enum Source {

        /** {@code ara.callback.secret}. */
        CONFIGURED,

        /** Derived from the control-plane credential and the app slug: the same on every replica. */
        DERIVED,

        /** Random for this start: only this process and the deploy it makes know it. */
        GENERATED

    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private static final String DERIVATION_LABEL = "ara-java-callback/v1:";

    private final String value;

    private final Source source;

    private AraCallbackSecret(String value, Source source) {
        this.value = value;
        this.source = source;
    }

    /** The configured secret, or a generated one when {@code configured} is null or blank. */
    public static AraCallbackSecret of(String configured) {
        if (configured == null || configured.isBlank()) {
            return generate();
        }
        return new AraCallbackSecret(configured.trim(), Source.CONFIGURED);
    }

    /**
     * HMAC-SHA256, keyed with {@code credential}, of {@code ara-java-callback/v1:<appSlug>}, hex encoded: stable for
     * one credential and app, different for every app, and one-way (the secret Ara stores does not give the key).
     */
    public static AraCallbackSecret derive(String credential, String appSlug) {
        if (credential == null || credential.isEmpty()) {
            throw new IllegalArgumentException("a credential is needed to derive the callback secret");
        }
        byte[] mac = HmacSha256.sign(credential.getBytes(StandardCharsets.UTF_8), DERIVATION_LABEL + appSlug,
                new byte[0]);
        return new AraCallbackSecret(HexFormat.of().formatHex(mac), Source.DERIVED);
    }

    /** 32 random bytes from {@link SecureRandom}, hex encoded. */
    public static AraCallbackSecret generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new AraCallbackSecret(HexFormat.of().formatHex(bytes), Source.GENERATED);
    }

    /** The secret text; its UTF-8 bytes are the HMAC key. */
    public String value() {
        return value;
    }

    public Source source() {
        return source;
    }

    /** Whether the secret was generated for this start (so Ara must receive it by a deploy from this process). */
    public boolean generated() {
        return source == Source.GENERATED;
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
        return "AraCallbackSecret[" + source.name().toLowerCase(java.util.Locale.ROOT) + ", value hidden]";
    }
}
