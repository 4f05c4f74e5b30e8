package so.ara.autoconfigure;

import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import so.ara.client.AraClientBuilder;

/**
 * Raises the Ara client's in-memory limit ({@code ara.client.max-in-memory-size}) so the answer to a run whose
 * endpoint body was as large as {@code ara.endpoints.max-body-size} can be read: the run's answer echoes its input and
 * adds the output, hence four times the body plus 1 MiB. Never lowers a larger limit, and touches no other WebClient
 * of the application.
 */
final class EndpointCodecLimit implements AraClientCustomizer, Ordered {

    private final int limit;

    EndpointCodecLimit(DataSize maxBody) {
        this.limit = (int) Math.min(Integer.MAX_VALUE, 4 * Math.max(0, maxBody.toBytes()) + DataSize.ofMegabytes(1)
                .toBytes());
    }

    int limit() {
        return limit;
    }

    @Override
    public void customize(AraClientBuilder builder) {
        builder.settings(settings -> {
            int current = settings.maxInMemorySize();
            return (current >= 0 && current < limit) ? settings.withMaxInMemorySize(limit) : settings;
        });
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
