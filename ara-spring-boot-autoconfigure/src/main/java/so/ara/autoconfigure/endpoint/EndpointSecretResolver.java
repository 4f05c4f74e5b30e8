package so.ara.autoconfigure.endpoint;

import org.jspecify.annotations.Nullable;

/**
 * Resolves the secret behind an endpoint's {@code auth.secret_env}. The auto-configuration resolves through the
 * Spring {@code Environment}, so environment variables, {@code application.yml} and test properties all work.
 */
@FunctionalInterface
public interface EndpointSecretResolver {

    /** The secret stored under {@code variableName}, or {@code null}/empty when it is not set. */
    @Nullable String resolve(String variableName);
}
