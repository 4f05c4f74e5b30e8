package so.ara.autoconfigure;

/** Deploy on startup failed and {@code ara.deploy.failure=fail}: the application does not start. */
public class AraDeployException extends RuntimeException {

    private final String slug;
    private final String baseUrl;

    public AraDeployException(String slug, String baseUrl, Throwable cause) {
        super("Deploying Ara app '" + slug + "' to " + baseUrl + " failed: " + cause.getMessage(), cause);
        this.slug = slug;
        this.baseUrl = baseUrl;
    }

    public String slug() {
        return slug;
    }

    public String baseUrl() {
        return baseUrl;
    }
}
