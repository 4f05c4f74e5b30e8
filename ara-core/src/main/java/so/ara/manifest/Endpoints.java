package so.ara.manifest;

import java.util.List;
import java.util.Locale;

import so.ara.spec.Slugify;

/** The reference's defaults and normalisation for {@code fastapi_endpoint(...)}. */
public final class Endpoints {

    public static final List<String> METHODS = List.of("DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT");
    public static final List<String> AUTH_MODES = List.of("bearer", "header", "hmac", "none");
    public static final String DEFAULT_HEADER = "X-Ara-Endpoint-Secret";

    private Endpoints() {
    }

    /** The endpoint spec as it appears inside its agent row; the label defaults to the slug of the method name. */
    public static EndpointSpec normalize(EndpointDecl decl, String functionName) {
        String method = text(decl.method()).isEmpty() ? "POST" : text(decl.method()).toUpperCase(Locale.ROOT);
        if (!METHODS.contains(method)) {
            throw new IllegalArgumentException("fastapi_endpoint(method=...) must be one of: " + String.join(", ", METHODS));
        }
        String label = Slugify.slugify(text(decl.label()).isEmpty() ? Names.slugSource(functionName) : decl.label());
        if (label.isEmpty()) {
            throw new IllegalArgumentException(
                    "fastapi_endpoint(...) requires a non-empty label or a function name that can be slugified");
        }
        String path = text(decl.path()).isEmpty() ? "/" + label : ("/" + decl.path().trim()).replaceAll("/{2,}", "/");
        String mode = text(decl.auth()).isEmpty() ? "none" : text(decl.auth()).toLowerCase(Locale.ROOT);
        if (!AUTH_MODES.contains(mode)) {
            throw new IllegalArgumentException("fastapi_endpoint(auth=...) must be one of: " + String.join(", ", AUTH_MODES));
        }
        String headerName = text(decl.headerName());
        if (headerName.isEmpty() && mode.equals("header")) {
            headerName = DEFAULT_HEADER;
        }
        String secretEnv = text(decl.secretEnv());
        if (secretEnv.isEmpty() && !mode.equals("none")) {
            secretEnv = "ARA_ENDPOINT_" + label.toUpperCase(Locale.ROOT).replace('-', '_') + "_SECRET";
        }
        return new EndpointSpec(EndpointSpec.TYPE, method, path, label, decl.docs(),
                new EndpointAuth(mode, headerName, secretEnv), null, null);
    }

    private static String text(String value) {
        return value == null ? "" : value.trim();
    }
}
