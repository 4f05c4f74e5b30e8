package so.ara.autoconfigure;

import so.ara.client.AraClientBuilder;

/**
 * Customizes the auto-configured {@code AraClient} and {@code AraRuntimeClient} before they are built, after the
 * {@code ara.client.*} properties are applied: WebClient filters, settings, the streaming connector. Applied in
 * {@link org.springframework.core.annotation.Order} order.
 */
@FunctionalInterface
public interface AraClientCustomizer {

    void customize(AraClientBuilder builder);
}
