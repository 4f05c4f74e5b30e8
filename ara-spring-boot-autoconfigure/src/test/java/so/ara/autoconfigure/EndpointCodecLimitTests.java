package so.ara.autoconfigure;

import org.junit.jupiter.api.Test;
import org.springframework.http.codec.CodecConfigurer;
import org.springframework.http.codec.support.DefaultClientCodecConfigurer;
import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.function.client.ExchangeStrategies;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The client codec limit follows the endpoint body limit, raising Spring's 256 KiB default and never lowering. */
class EndpointCodecLimitTests {

    @Test
    void raisesTheDefaultLimitToFitTheLargestEndpointBody() {
        EndpointCodecLimit limit = new EndpointCodecLimit(DataSize.ofMegabytes(1));
        assertThat(limit.limit()).isEqualTo(5 * 1024 * 1024);
        assertThat(configuredLimit(limit, null)).isEqualTo(5 * 1024 * 1024);
    }

    @Test
    void neverLowersALargerConfiguredLimit() {
        EndpointCodecLimit limit = new EndpointCodecLimit(DataSize.ofKilobytes(64));
        assertThat(configuredLimit(limit, 16 * 1024 * 1024)).isEqualTo(16 * 1024 * 1024);
        assertThat(configuredLimit(limit, -1)).isEqualTo(-1);
    }

    private static Integer configuredLimit(EndpointCodecLimit customizer, Integer before) {
        WebClient.Builder builder = WebClient.builder();
        if (before != null) {
            builder.codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(before));
        }
        customizer.customize(builder);
        Integer[] seen = new Integer[1];
        builder.codecs(codecs -> seen[0] = ((CodecConfigurer.DefaultCodecConfig) codecs.defaultCodecs())
                .maxInMemorySize());
        builder.build();
        return seen[0];
    }
}
