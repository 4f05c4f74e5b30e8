package so.ara.gateway;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;
import org.springframework.util.StringUtils;
import so.ara.auth.EndpointAuthenticator;
import so.ara.auth.EndpointAuthenticators;
import so.ara.manifest.EndpointSpec;

/**
 * One declared endpoint as the gateway serves it. The rules that read a manifest {@link EndpointSpec} (method
 * default POST, path default {@code /<label>}, mode default {@code none}, header name and secret variable defaults)
 * live here, once, for ara-local and the starter.
 * @param app the app slug, {@code gateway.app} of the run input
 * @param label the endpoint label
 * @param method the one method served
 * @param route the declared path, normalised ({@code gateway.route})
 * @param agentId the agent that runs for each call
 * @param mode {@code none}, {@code header}, {@code bearer} or {@code hmac}
 * @param authenticator the verifier of the mode; {@code null} when the secret is missing and every request is refused
 * with 503
 * @param secretHeader the header carrying the secret in {@code header} mode (never forwarded), else {@code null}
 */
public record GatewayEndpoint(String app, String label, HttpMethod method, String route, String agentId, String mode,
        @Nullable EndpointAuthenticator authenticator, @Nullable String secretHeader) {

    /** The endpoint of {@code spec}, verified by {@code authenticator} ({@code null}: its secret is missing). */
    public static GatewayEndpoint of(String app, EndpointSpec spec, @Nullable EndpointAuthenticator authenticator) {
        String mode = mode(spec);
        return new GatewayEndpoint(app, spec.label(), method(spec), route(spec), spec.agentId(), mode, authenticator,
                "header".equals(mode) ? headerName(spec) : null);
    }

    /** Whether every request is refused with 503 because the secret is missing. */
    public boolean refusing() {
        return this.authenticator == null;
    }

    public static HttpMethod method(EndpointSpec spec) {
        return HttpMethod.valueOf(
                StringUtils.hasText(spec.method()) ? spec.method().trim().toUpperCase(Locale.ROOT) : "POST");
    }

    /** The declared path with a leading slash and no doubled slashes; {@code /<label>} when none is declared. */
    public static String route(EndpointSpec spec) {
        String path = StringUtils.hasText(spec.path()) ? spec.path().trim() : "/" + spec.label();
        return (path.startsWith("/") ? path : "/" + path).replaceAll("/{2,}", "/");
    }

    public static String mode(EndpointSpec spec) {
        String mode = (spec.auth() != null) ? spec.auth().mode() : null;
        return StringUtils.hasText(mode) ? mode.trim().toLowerCase(Locale.ROOT) : "none";
    }

    public static String headerName(EndpointSpec spec) {
        String name = (spec.auth() != null) ? spec.auth().headerName() : null;
        return StringUtils.hasText(name) ? name.trim() : EndpointAuthenticators.DEFAULT_HEADER_NAME;
    }

    /** The variable holding the secret: {@code auth.secret_env}, or {@code ARA_ENDPOINT_<LABEL>_SECRET}. */
    public static String secretEnv(EndpointSpec spec) {
        String name = (spec.auth() != null) ? spec.auth().secretEnv() : null;
        return StringUtils.hasText(name) ? name.trim()
                : "ARA_ENDPOINT_" + spec.label().toUpperCase(Locale.ROOT).replace('-', '_') + "_SECRET";
    }
}
