package so.ara.autoconfigure.endpoint;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import so.ara.auth.EndpointAuthenticators;
import so.ara.manifest.EndpointSpec;
import so.ara.gateway.GatewayEndpoint;

/**
 * Builds the OpenAPI 3.1 document of the endpoints declared with {@code docs = true}, as plain maps (serialized to
 * JSON by the route). Auth modes become security schemes: header → apiKey in that header, bearer → http bearer,
 * hmac → apiKey on {@code webhook-signature} with a description of both accepted signature schemes.
 */
public final class EndpointOpenApi {

    static final String HMAC_DESCRIPTION = """
            HMAC-SHA256 over the raw request body, keyed with the endpoint secret. Two schemes are accepted:
            (1) Standard Webhooks: headers webhook-id, webhook-timestamp (unix seconds) and webhook-signature, a \
            space-separated list of v1,<base64> entries over "{id}.{timestamp}.{body}"; a whsec_ secret is \
            base64-decoded, any other secret is used as UTF-8 bytes.
            (2) Ara signature: headers X-Ara-Timestamp (unix seconds), X-Ara-Delivery-Id and \
            X-Ara-Signature: sha256=<lowercase hex> over "{timestamp}.{delivery_id}.{body}", keyed with the UTF-8 \
            bytes of the secret.
            The timestamp must be within the configured tolerance (default 5 minutes); a message id is accepted once.""";

    private EndpointOpenApi() {
    }

    /** The document for {@code endpoints} (only those with {@code docs = true} appear). */
    public static Map<String, Object> document(String appSlug, List<EndpointSpec> endpoints, @Nullable String title,
            @Nullable String version, boolean gatewayPaths) {
        Map<String, Object> paths = new LinkedHashMap<>();
        Map<String, Object> schemes = new LinkedHashMap<>();
        for (EndpointSpec spec : endpoints) {
            if (!spec.docs()) {
                continue;
            }
            String method = spec.method().toLowerCase(Locale.ROOT);
            String mode = GatewayEndpoint.mode(spec);
            String schemeName = null;
            if (!"none".equals(mode)) {
                schemeName = spec.label() + "_" + mode;
                schemes.put(schemeName, securityScheme(spec, mode));
            }
            Map<String, Object> operation = operation(appSlug, spec, schemeName, gatewayPaths);
            pathItem(paths, spec.path()).put(method, operation);
        }
        Map<String, Object> components = new LinkedHashMap<>();
        components.put("schemas", Map.of("ProblemDetail", problemSchema()));
        if (!schemes.isEmpty()) {
            components.put("securitySchemes", schemes);
        }
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("title", (title != null) ? title : appSlug + " endpoints");
        info.put("version", (version != null) ? version : "1.0.0");
        info.put("description", "Ara agent endpoints of app " + appSlug + ".");
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.1.0");
        doc.put("info", info);
        doc.put("paths", paths);
        doc.put("components", components);
        return doc;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> pathItem(Map<String, Object> paths, String path) {
        return (Map<String, Object>) paths.computeIfAbsent(path, p -> new LinkedHashMap<String, Object>());
    }

    private static Map<String, Object> operation(String appSlug, EndpointSpec spec, @Nullable String schemeName,
            boolean gatewayPaths) {
        Map<String, Object> operation = new LinkedHashMap<>();
        operation.put("operationId", spec.label());
        operation.put("summary", "Run agent " + spec.agentId());
        String description = "Runs Ara agent '" + spec.agentId() + "' with the request body as input['input']."
                + (gatewayPaths ? " Also served at /v1/apps/" + appSlug + "/endpoints/" + spec.label() + "." : "")
                + " Send Accept: text/event-stream to receive the run events as server-sent events.";
        operation.put("description", description);
        if (!"GET".equalsIgnoreCase(spec.method()) && !"HEAD".equalsIgnoreCase(spec.method())) {
            operation.put("requestBody", Map.of("required", false, "content",
                    Map.of("application/json", Map.of("schema", Map.of("type", "object")))));
        }
        Map<String, Object> responses = new LinkedHashMap<>();
        Map<String, Object> ok = new LinkedHashMap<>();
        ok.put("description", "The run result; the run id is in the X-Ara-Run-Id header.");
        ok.put("headers", Map.of("X-Ara-Run-Id", Map.of("schema", Map.of("type", "string"))));
        ok.put("content", Map.of("application/json", Map.of("schema", Map.of()), "text/event-stream",
                Map.of("schema", Map.of("type", "string"))));
        responses.put("200", ok);
        responses.put("400", problem("Malformed JSON body"));
        if (schemeName != null) {
            responses.put("401", problem("Missing or invalid credentials"));
        }
        responses.put("405", problem("Method not allowed"));
        responses.put("413", problem("Request body too large"));
        responses.put("415", problem("Unsupported media type (send JSON)"));
        responses.put("502", problem("The Ara runtime failed"));
        responses.put("503", problem("The Ara runtime is unreachable or the endpoint is not configured"));
        operation.put("responses", responses);
        if (schemeName != null) {
            operation.put("security", List.of(Map.of(schemeName, List.of())));
        }
        return operation;
    }

    private static Map<String, Object> problem(String description) {
        return Map.of("description", description, "content", Map.of("application/problem+json",
                Map.of("schema", Map.of("$ref", "#/components/schemas/ProblemDetail"))));
    }

    private static Map<String, Object> securityScheme(EndpointSpec spec, String mode) {
        Map<String, Object> scheme = new LinkedHashMap<>();
        switch (mode) {
            case "header" -> {
                scheme.put("type", "apiKey");
                scheme.put("in", "header");
                scheme.put("name", GatewayEndpoint.headerName(spec));
                scheme.put("description", "The endpoint secret, sent as is.");
            }
            case "bearer" -> {
                scheme.put("type", "http");
                scheme.put("scheme", "bearer");
                scheme.put("description", "Authorization: Bearer <endpoint secret>.");
            }
            default -> {
                scheme.put("type", "apiKey");
                scheme.put("in", "header");
                scheme.put("name", EndpointAuthenticators.WEBHOOK_SIGNATURE);
                scheme.put("description", HMAC_DESCRIPTION);
            }
        }
        return scheme;
    }

    private static Map<String, Object> problemSchema() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("type", Map.of("type", "string"));
        properties.put("title", Map.of("type", "string"));
        properties.put("status", Map.of("type", "integer"));
        properties.put("detail", Map.of("type", "string"));
        properties.put("instance", Map.of("type", "string"));
        properties.put("request_id", Map.of("type", "string"));
        return Map.of("type", "object", "properties", properties);
    }
}
