package so.ara.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.core.env.Environment;

import so.ara.autoconfigure.AraAppDefinition;
import so.ara.manifest.PythonSources;
import so.ara.spec.Secret;

/**
 * The secrets {@code ara deploy} syncs, as the running application's own deploy syncs them: the manifest's, plus the
 * callback signing key ({@value PythonSources#CALLBACK_SECRET_NAME} / {@value PythonSources#CALLBACK_SECRET_ENV})
 * when the manifest calls back to {@code ara.callback.base-url}. The CLI is another process than the application
 * Ara calls back, so the key must be the configured {@code ara.callback.secret} both share; a generated one would
 * sign nothing the application accepts.
 */
final class CallbackSecretSync {

    static final String MISSING_SECRET = "ara.callback.base-url is set but ara.callback.secret is not: set it "
            + "(for example ARA_CALLBACK_SECRET) to the callback secret of the running application, so Ara's "
            + "runtime can sign its calls to the Java tools and prompt methods.";

    private CallbackSecretSync() {
    }

    static List<Secret> secrets(AraAppDefinition definition, Environment environment) {
        List<Secret> secrets = new ArrayList<>(definition.manifest().secrets());
        if (!definition.hasCallbackBaseUrl()) {
            return secrets;
        }
        String secret = environment.getProperty("ara.callback.secret");
        if (secret != null && !secret.isBlank()) {
            secrets.add(Secret.named(PythonSources.CALLBACK_SECRET_NAME,
                    Map.of(PythonSources.CALLBACK_SECRET_ENV, secret.strip())));
        }
        else if (!definition.methods().tools().isEmpty() || !definition.methods().agents().isEmpty()) {
            throw new CliException(MISSING_SECRET);
        }
        return secrets;
    }
}
