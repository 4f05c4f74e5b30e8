package so.ara.client;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AraApiExceptionTest {

    @Test
    void hiddenBodyMessage() {
        AraApiException ex = new AraApiException(500, "GET", "/apps", "secret body", false, null);
        assertThat(ex).hasMessage("GET /apps failed (500). Response body hidden by default; set "
                + "ARA_SDK_DEBUG_HTTP_ERRORS=true to include it.");
        assertThat(ex.getMessage()).doesNotContain("secret body");
        assertThat(ex.getResponseBody()).isEqualTo("secret body");
        assertThat(ex.getStatus()).isEqualTo(500);
        assertThat(ex.getMethod()).isEqualTo("GET");
        assertThat(ex.getPath()).isEqualTo("/apps");
    }

    @Test
    void debugBodyMessage() {
        assertThat(new AraApiException(504, "GET", "/apps", "gateway timeout", true, 3L))
                .hasMessage("GET /apps failed (504): gateway timeout")
                .extracting(AraApiException::getRetryAfterSeconds).isEqualTo(3L);
    }

    @Test
    void networkAndTimeoutMessages() {
        assertThat(new AraConnectionException("POST", "/apps", "Connection refused", null))
                .hasMessage("POST /apps failed (network): Connection refused");
        assertThat(new AraTimeoutException("GET", "/apps", Duration.ofSeconds(30), null))
                .isInstanceOf(AraConnectionException.class)
                .hasMessage("GET /apps failed (network): timed out after 30000 ms");
    }

    @Test
    void pathsAndQueries() {
        assertThat(AraHttp.path("/apps/{app_id}/secrets/{name}", "app 1", "a/b"))
                .isEqualTo("/apps/app%201/secrets/a%2Fb");
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("session_id", "s 1");
        query.put("kind", "all");
        query.put("agent_id", "");
        query.put("x", null);
        assertThat(AraHttp.withQuery("/session/runtime/tools", query))
                .isEqualTo("/session/runtime/tools?session_id=s%201&kind=all");
    }

    @Test
    void transientClassification() {
        assertThat(AraHttp.isTransient(new AraApiException(502, "GET", "/a", "", false, null))).isTrue();
        assertThat(AraHttp.isTransient(new AraApiException(503, "GET", "/a", "", false, null))).isTrue();
        assertThat(AraHttp.isTransient(new AraApiException(504, "GET", "/a", "", false, null))).isTrue();
        assertThat(AraHttp.isTransient(new AraApiException(500, "GET", "/a", "", false, null))).isFalse();
        assertThat(AraHttp.isTransient(new AraApiException(429, "GET", "/a", "", false, null))).isFalse();
        assertThat(AraHttp.isTransient(new AraConnectionException("GET", "/a", "x", null))).isTrue();
    }
}
