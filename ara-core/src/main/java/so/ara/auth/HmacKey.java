package so.ara.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An HMAC-SHA256 key initialised once; each {@link #sign} works on a clone of the prepared {@link Mac}, so the key
 * schedule is not recomputed per request. Thread-safe. {@link #toString()} never shows the key.
 */
public final class HmacKey {

    private final Mac prototype;

    private final boolean cloneable;

    private final byte[] key;

    public HmacKey(byte[] key) {
        if (key == null || key.length == 0) {
            throw new IllegalArgumentException("HMAC key must not be empty");
        }
        this.key = key.clone();
        this.prototype = newMac(this.key);
        boolean canClone;
        try {
            this.prototype.clone();
            canClone = true;
        }
        catch (CloneNotSupportedException ex) {
            canClone = false;
        }
        this.cloneable = canClone;
    }

    /** HMAC-SHA256 over the UTF-8 {@code prefix} followed by the raw {@code body}. */
    public byte[] sign(String prefix, byte[] body) {
        Mac mac = mac();
        mac.update(prefix.getBytes(StandardCharsets.UTF_8));
        mac.update(body);
        return mac.doFinal();
    }

    private Mac mac() {
        if (this.cloneable) {
            try {
                return (Mac) this.prototype.clone();
            }
            catch (CloneNotSupportedException ex) {
                // fall through
            }
        }
        return newMac(this.key);
    }

    private static Mac newMac(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", ex);
        }
    }

    @Override
    public String toString() {
        return "HmacKey[HmacSHA256, key hidden]";
    }
}
