package so.ara.credentials;

/** Where the control-plane bearer came from (same order as the Python SDK, explicit first). */
public enum CredentialSource {
    /** Passed explicitly (e.g. the Spring property {@code ara.api-key}). */
    EXPLICIT,
    /** Environment variable {@code ARA_API_KEY}. */
    ENV_API_KEY,
    /** Legacy environment variable {@code ARA_ACCESS_TOKEN}. */
    ENV_ACCESS_TOKEN,
    /** {@code ~/.ara/credentials.json} with {@code auth_type: supabase_jwt}; refreshed when near expiry. */
    SUPABASE_JWT,
    /** {@code ~/.ara/credentials.json} with {@code auth_type: cli_api_key}. */
    CLI_API_KEY,
    /** {@code ~/.ara/credentials.json} holding only {@code api_key} (or another auth_type with an api_key). */
    LEGACY_API_KEY,
    /** Nothing found. */
    NONE
}
