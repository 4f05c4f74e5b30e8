package so.ara.autoconfigure.env;

import java.util.regex.Pattern;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

/**
 * Hides secrets in {@code /actuator/env} and {@code /actuator/configprops} even when values are shown: every key that
 * looks like a credential ({@code key}, {@code token}, {@code secret}, {@code password}, {@code credential}) in the
 * {@code ara-dotenv}/{@code ara-credentials} sources, and such keys under {@code ara.*} or {@code ARA_*} anywhere.
 */
public final class AraSanitizingFunction implements SanitizingFunction {

    private static final Pattern SENSITIVE = Pattern.compile("key|token|secret|password|credential|jwt");

    @Override
    public SanitizableData apply(SanitizableData data) {
        if (data.getValue() == null || !SENSITIVE.matcher(data.getLowerCaseKey()).find()) {
            return data;
        }
        return araSource(data) || araKey(data.getKey()) ? data.withSanitizedValue() : data;
    }

    private static boolean araSource(SanitizableData data) {
        String name = data.getPropertySource() != null ? data.getPropertySource().getName() : "";
        return name.startsWith(AraDotenvEnvironmentPostProcessor.SOURCE_PREFIX)
                || name.startsWith(AraCredentialsFileEnvironmentPostProcessor.SOURCE_PREFIX);
    }

    private static boolean araKey(String key) {
        return key.startsWith("ara.") || key.startsWith("ARA_");
    }
}
