package so.ara.client;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.web.reactive.function.client.ClientRequestObservationConvention;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;
import so.ara.credentials.AraCredentials;
import tools.jackson.databind.JsonNode;

/**
 * Builds {@link AraClient} and {@link AraRuntimeClient} from one configuration: WebClient builder, credentials,
 * settings, observation registry and convention, and the streaming connector. Spring Boot apps change it through
 * {@code AraClientCustomizer} beans.
 */
public final class AraClientBuilder {

    private WebClient.Builder webClientBuilder;
    private AraCredentials credentials;
    private AraClientSettings settings;
    private @Nullable ObservationRegistry observationRegistry;
    private @Nullable HttpClient streamHttpClient;
    private ClientRequestObservationConvention observationConvention = new AraClientRequestObservationConvention();

    public AraClientBuilder(WebClient.Builder webClientBuilder, AraCredentials credentials,
            AraClientSettings settings) {
        this.webClientBuilder = webClientBuilder.clone();
        this.credentials = credentials;
        this.settings = settings;
    }

    /** Customizes the WebClient builder the clients clone (filters, codecs, observation convention). */
    public AraClientBuilder webClient(Consumer<WebClient.Builder> customizer) {
        customizer.accept(this.webClientBuilder);
        return this;
    }

    public AraClientBuilder credentials(AraCredentials value) {
        this.credentials = Objects.requireNonNull(value, "credentials");
        return this;
    }

    public AraClientBuilder settings(AraClientSettings value) {
        this.settings = Objects.requireNonNull(value, "settings");
        return this;
    }

    /** For example {@code settings(s -> s.withRunTimeout(Duration.ofMinutes(5)))}. */
    public AraClientBuilder settings(UnaryOperator<AraClientSettings> change) {
        return settings(change.apply(this.settings));
    }

    /** A registry of the clients' own (else the WebClient builder's, which Spring Boot instruments). */
    public AraClientBuilder observationRegistry(@Nullable ObservationRegistry value) {
        this.observationRegistry = value;
        return this;
    }

    /** The Reactor Netty client of log and chat streams (default: one without a response timeout). */
    public AraClientBuilder streamHttpClient(@Nullable HttpClient value) {
        this.streamHttpClient = value;
        return this;
    }

    /** The convention naming the clients' HTTP observations (default {@link AraClientRequestObservationConvention}). */
    public AraClientBuilder observationConvention(ClientRequestObservationConvention value) {
        this.observationConvention = Objects.requireNonNull(value, "observationConvention");
        return this;
    }

    public AraClientSettings settings() {
        return this.settings;
    }

    public AraCredentials credentials() {
        return this.credentials;
    }

    public AraClient build(JsonNode manifest) {
        return new AraClient(manifest, http());
    }

    public AraRuntimeClient buildRuntimeClient() {
        return new AraRuntimeClient(http());
    }

    private AraHttp http() {
        return new AraHttp(this.webClientBuilder, this.credentials, this.settings, this.observationRegistry,
                this.streamHttpClient, this.observationConvention);
    }
}
