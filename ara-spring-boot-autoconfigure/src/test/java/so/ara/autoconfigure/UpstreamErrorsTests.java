package so.ara.autoconfigure;

import org.junit.jupiter.api.Test;
import so.ara.gateway.EndpointForwardingException;
import so.ara.client.AraApiException;

import static org.assertj.core.api.Assertions.assertThat;

/** How the forwarder turns the runtime's error answers into endpoint problems. */
class UpstreamErrorsTests {

    @Test
    void rateLimitsAndUnavailabilityKeepTheirStatusAndRetryAfter() {
        assertThat(ClientRunForwarder.upstream(error(429, 12L))).isInstanceOfSatisfying(
                EndpointForwardingException.class, ex -> {
                    assertThat(ex.getStatus().value()).isEqualTo(429);
                    assertThat(ex.getProperties()).containsEntry("retry_after", 12L);
                });
        assertThat(ClientRunForwarder.upstream(error(503, null))).isInstanceOfSatisfying(
                EndpointForwardingException.class, ex -> {
                    assertThat(ex.getStatus().value()).isEqualTo(503);
                    assertThat(ex.getProperties()).containsEntry("retry_after", 1L);
                });
    }

    @Test
    void aBodyTheRuntimeRefusesAsTooLargeIsA413AndOtherErrorsStayAsTheyAre() {
        assertThat(ClientRunForwarder.upstream(error(413, null))).isInstanceOfSatisfying(
                EndpointForwardingException.class, ex -> assertThat(ex.getStatus().value()).isEqualTo(413));
        AraApiException forbidden = error(403, null);
        assertThat(ClientRunForwarder.upstream(forbidden)).isSameAs(forbidden);
    }

    private static AraApiException error(int status, Long retryAfter) {
        return new AraApiException(status, "POST", "/v1/apps/app_1/run", "{}", false, retryAfter);
    }
}
