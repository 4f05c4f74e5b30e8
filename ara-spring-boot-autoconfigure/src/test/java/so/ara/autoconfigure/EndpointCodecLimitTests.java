package so.ara.autoconfigure;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.function.client.WebClient;
import so.ara.client.AraClientBuilder;
import so.ara.client.AraClientSettings;
import so.ara.credentials.AraCredentials;

import static org.assertj.core.api.Assertions.assertThat;

/** The Ara client's in-memory limit follows the endpoint body limit, raising a smaller one and never lowering. */
class EndpointCodecLimitTests {

    @Test
    void raisesASmallerLimitToFitTheLargestEndpointBody() {
        EndpointCodecLimit limit = new EndpointCodecLimit(DataSize.ofMegabytes(1));
        assertThat(limit.limit()).isEqualTo(5 * 1024 * 1024);
        assertThat(configuredLimit(limit, 256 * 1024)).isEqualTo(5 * 1024 * 1024);
    }

    @Test
    void neverLowersALargerConfiguredLimit() {
        EndpointCodecLimit limit = new EndpointCodecLimit(DataSize.ofKilobytes(64));
        assertThat(configuredLimit(limit, 16 * 1024 * 1024)).isEqualTo(16 * 1024 * 1024);
        assertThat(configuredLimit(limit, -1)).isEqualTo(-1);
    }

    private static int configuredLimit(EndpointCodecLimit customizer, int before) {
        AraClientBuilder builder = new AraClientBuilder(WebClient.builder(),
                AraCredentials.of("http://127.0.0.1:1", "ak_test"), AraClientSettings.defaults()
                    .withMaxInMemorySize(before));
        customizer.customize(builder);
        return builder.settings().maxInMemorySize();
    }
}
