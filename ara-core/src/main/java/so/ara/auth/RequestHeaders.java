package so.ara.auth;

import org.jspecify.annotations.Nullable;

/**
 * Read-only view of the request headers an {@link EndpointAuthenticator} needs: a case-insensitive lookup of the
 * first value of a header. Keeps the verifiers free of any web framework type.
 */
@FunctionalInterface
public interface RequestHeaders {

    /** The first value of the header {@code name} (case-insensitive), or {@code null} when absent. */
    @Nullable String first(String name);
}
