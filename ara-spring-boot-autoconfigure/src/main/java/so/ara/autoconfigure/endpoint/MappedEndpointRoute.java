package so.ara.autoconfigure.endpoint;

/**
 * One served route: an endpoint at its declared path or at its gateway path.
 * @param method the one HTTP method served
 * @param path the path
 * @param label the endpoint label
 * @param agentId the agent that runs for each call
 * @param authMode {@code none}, {@code header}, {@code bearer} or {@code hmac}
 * @param gateway whether this is the gateway-shaped path {@code /v1/apps/{slug}/endpoints/{label}}
 * @param refusing whether every request is refused with 503 because the endpoint's secret is missing
 */
public record MappedEndpointRoute(String method, String path, String label, String agentId, String authMode,
        boolean gateway, boolean refusing) {

    @Override
    public String toString() {
        return this.method + " " + this.path + " -> Ara agent '" + this.agentId + "' (endpoint '" + this.label
                + "', auth " + this.authMode + (this.refusing ? ", REFUSING: secret missing" : "") + ")";
    }
}
