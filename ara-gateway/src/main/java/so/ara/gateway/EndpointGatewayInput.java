package so.ara.gateway;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.server.ServerRequest;
import so.ara.auth.AuthOutcome;

/**
 * Builds the run input of an endpoint call; ara-local's gateway and the starter's routes send exactly this shape:
 *
 * <pre>
 * {
 *   "input": &lt;decoded JSON body; {} when the request has no body&gt;,
 *   "gateway": {
 *     "app": "&lt;app slug&gt;",
 *     "label": "&lt;endpoint label&gt;",
 *     "method": "POST",
 *     "path": "&lt;request path as received: the declared path or /v1/apps/{app}/endpoints/{label}&gt;",
 *     "route": "&lt;declared endpoint path&gt;",
 *     "query": { "name": "value", "repeated": ["a", "b"] },
 *     "headers": { "&lt;lower-case name&gt;": "value" },
 *     "request_id": "&lt;X-Request-Id, or generated req_…&gt;",
 *     "auth": { "mode": "hmac", "scheme": "standard-webhooks", "message_id": "msg_…" }
 *   }
 * }
 * </pre>
 *
 * Query parameters with one value map to a string, repeated ones to a list of strings. Only the headers listed in
 * {@code ara.endpoints.forwarded-headers} (ara-local: {@link #DEFAULT_FORWARDED_HEADERS}) are copied, and never an auth header ({@code Authorization},
 * {@code Cookie}, the endpoint's secret header or any signature header). {@code auth.message_id} is present for
 * hmac only and is a good idempotency key; {@code auth.scheme} is the hmac scheme that verified the call
 * ({@code standard-webhooks} or {@code ara-signature}), else the mode.
 */
public final class EndpointGatewayInput {

    /** Headers never forwarded, whatever the configuration says. */
    public static final Set<String> NEVER_FORWARDED = Set.of("authorization", "proxy-authorization", "cookie",
            "set-cookie", "webhook-signature", "x-ara-signature", "x-ara-endpoint-secret");

    /** The headers copied by default (the default of {@code ara.endpoints.forwarded-headers}). */
    public static final List<String> DEFAULT_FORWARDED_HEADERS = List.of("content-type", "accept", "user-agent",
            "x-request-id", "x-forwarded-for", "x-forwarded-proto", "x-forwarded-host", "traceparent", "webhook-id",
            "x-ara-delivery-id");

    private EndpointGatewayInput() {
    }

    /** The {@code gateway} object of a verified call to {@code endpoint}. */
    static Map<String, Object> gateway(ServerRequest request, GatewayEndpoint endpoint,
            AuthOutcome.@Nullable Accepted accepted, String requestId, List<String> forwardedHeaders) {
        Map<String, Object> gateway = new LinkedHashMap<>();
        gateway.put("app", endpoint.app());
        gateway.put("label", endpoint.label());
        gateway.put("method", request.method().name());
        gateway.put("path", request.path());
        gateway.put("route", endpoint.route());
        gateway.put("query", query(request.queryParams()));
        gateway.put("headers", headers(request.headers().asHttpHeaders(), forwardedHeaders, endpoint.secretHeader()));
        gateway.put("request_id", requestId);
        Map<String, Object> auth = new LinkedHashMap<>();
        auth.put("mode", endpoint.mode());
        auth.put("scheme", (accepted != null) ? accepted.scheme() : endpoint.mode());
        if (accepted != null && accepted.messageId() != null) {
            auth.put("message_id", accepted.messageId());
        }
        gateway.put("auth", auth);
        return gateway;
    }

    static Map<String, Object> build(@Nullable Object body, Map<String, Object> gateway) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("input", body);
        input.put("gateway", gateway);
        return input;
    }

    static Map<String, Object> query(MultiValueMap<String, String> params) {
        Map<String, Object> query = new LinkedHashMap<>();
        params.forEach((name, values) -> query.put(name,
                (values.size() == 1) ? values.get(0) : List.copyOf(values)));
        return query;
    }

    static Map<String, String> headers(HttpHeaders headers, List<String> allowed, @Nullable String secretHeader) {
        Map<String, String> selected = new LinkedHashMap<>();
        String secret = (secretHeader != null) ? secretHeader.toLowerCase(Locale.ROOT) : null;
        for (String name : allowed) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (NEVER_FORWARDED.contains(lower) || lower.equals(secret)) {
                continue;
            }
            String value = headers.getFirst(lower);
            if (value != null) {
                selected.put(lower, value);
            }
        }
        return selected;
    }
}
