package so.ara.manifest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The {@code auth} block of an endpoint: mode {@code none|header|bearer|hmac}, header name and secret env var. */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({ "mode", "header_name", "secret_env" })
public record EndpointAuth(String mode, String headerName, String secretEnv) {
}
