package so.ara.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.core.env.Environment;

import so.ara.autoconfigure.AraAppDefinition;
import so.ara.autoconfigure.callback.AraCallbackSecret;
import so.ara.autoconfigure.callback.CallbackSecrets;
import so.ara.credentials.AraCredentials;
import so.ara.manifest.PythonSources;
import so.ara.spec.Secret;

/**
 * The secrets {@code ara deploy} syncs, as the running application's own deploy syncs them: the manifest's, plus the
 * callback signing key ({@value PythonSources#CALLBACK_SECRET_NAME} / {@value PythonSources#CALLBACK_SECRET_ENV})
 * when the manifest calls back to the running application. The CLI is another process than the application
 * Ara calls back, so the key must be the one the application verifies: the configured {@code ara.callback.secret},
 * else the one both derive from the same Ara credential; a generated one would sign nothing the application accepts.
 */
final class CallbackSecretSync {

    static final String MISSING_SECRET = "The app's Java tools call back to the running application, but "
            + "ara.callback.secret is not set and the Ara "
            + "credential is not one the callback secret can be derived from (an API key or access token): set "
            + "ara.callback.secret (for example ARA_CALLBACK_SECRET) to the callback secret of the running "
            + "application, so Ara's runtime can sign its calls to the Java tools and prompt methods.";

    private CallbackSecretSync() {
    }

    /**
     * @param callsBack   whether the deployed manifest calls back to the running application
     * @param credentials the control-plane credentials of the deploy: the application derives its callback secret
     *                    from the same ones when {@code ara.callback.secret} is not set ({@link CallbackSecrets})
     */
    static List<Secret> secrets(AraAppDefinition definition, boolean callsBack, Environment environment,
            AraCredentials credentials) {
        List<Secret> secrets = new ArrayList<>(definition.manifest().secrets());
        if (!callsBack) {
            return secrets;
        }
        AraCallbackSecret secret = CallbackSecrets.forCredentials(environment.getProperty("ara.callback.secret"),
                credentials, definition.slug());
        if (!secret.generated()) {
            secrets.add(Secret.named(PythonSources.CALLBACK_SECRET_NAME,
                    Map.of(PythonSources.CALLBACK_SECRET_ENV, secret.value())));
        }
        else if (!definition.methods().tools().isEmpty() || !definition.methods().agents().isEmpty()) {
            throw new CliException(MISSING_SECRET);
        }
        return secrets;
    }
}
