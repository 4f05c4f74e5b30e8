package so.ara.autoconfigure;

import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.codec.CodecConfigurer;
import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Raises the codec in-memory limit of {@link WebClient}s built from Boot's builder (the Ara client's among them) so
 * the answer to a run whose endpoint body was as large as {@code ara.endpoints.max-body-size} can be read: the run's
 * answer echoes its input and adds the output, hence four times the body plus 1 MiB. Never lowers a larger limit
 * set with {@code spring.http.codecs.max-in-memory-size}; runs after Boot's own codec customizer.
 */
final class EndpointCodecLimit implements WebClientCustomizer, Ordered {

    private final int limit;

    EndpointCodecLimit(DataSize maxBody) {
        this.limit = (int) Math.min(Integer.MAX_VALUE, 4 * Math.max(0, maxBody.toBytes()) + DataSize.ofMegabytes(1)
                .toBytes());
    }

    int limit() {
        return limit;
    }

    @Override
    public void customize(WebClient.Builder builder) {
        builder.codecs(codecs -> {
            Integer current = (codecs.defaultCodecs() instanceof CodecConfigurer.DefaultCodecConfig config)
                    ? config.maxInMemorySize() : null;
            if (current == null || current >= 0 && current < limit) {
                codecs.defaultCodecs().maxInMemorySize(limit);
            }
        });
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
