package so.ara.local.console;

import java.util.Locale;

/**
 * A ready-to-paste curl command per endpoint with the auth its mode needs. Secrets are referenced by their
 * environment variable ({@code $ARA_ENDPOINT_..._SECRET}), never inlined.
 */
final class CurlCommands {

    static final String DEFAULT_HEADER = "X-Ara-Endpoint-Secret";

    private CurlCommands() {
    }

    static String forEndpoint(String method, String url, String mode, String headerName, String secretEnv) {
        boolean withBody = !method.equals("GET") && !method.equals("HEAD") && !method.equals("DELETE");
        String body = withBody ? "{\"message\": \"hello\"}" : "";
        String env = "$" + (secretEnv == null ? "SECRET" : secretEnv);
        StringBuilder sb = new StringBuilder();
        if ("hmac".equals(mode)) {
            // Ara's own scheme: X-Ara-Signature: sha256=<hex of HMAC-SHA256 over "{timestamp}.{delivery id}.{body}">
            sb.append("BODY='").append(body).append("'; TS=$(date +%s); ID=dlv-$TS-$RANDOM; ")
                    .append("SIG=$(printf '%s' \"$TS.$ID.$BODY\" | openssl dgst -sha256 -hmac \"").append(env)
                    .append("\" -r | cut -d' ' -f1); \\\n");
        }
        sb.append("curl -sS -X ").append(method).append(" '").append(url).append("'");
        switch (mode == null ? "none" : mode.toLowerCase(Locale.ROOT)) {
            case "header" -> sb.append(" \\\n  -H \"").append(headerName == null || headerName.isBlank()
                    ? DEFAULT_HEADER : headerName.trim()).append(": ").append(env).append('"');
            case "bearer" -> sb.append(" \\\n  -H \"Authorization: Bearer ").append(env).append('"');
            case "hmac" -> sb.append(" \\\n  -H \"X-Ara-Timestamp: $TS\" -H \"X-Ara-Delivery-Id: $ID\"")
                    .append(" -H \"X-Ara-Signature: sha256=$SIG\"");
            default -> { }
        }
        if (withBody) {
            sb.append(" \\\n  -H 'Content-Type: application/json' -d ")
                    .append("hmac".equals(mode) ? "\"$BODY\"" : "'" + body + "'");
        }
        return sb.toString();
    }
}
