package so.ara.autoconfigure;

import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.web.reactive.function.client.WebClient;
import so.ara.autoconfigure.callback.AraCallbackSecret;
import so.ara.autoconfigure.endpoint.AraEndpointsAutoConfiguration;
import so.ara.client.AraClient;
import so.ara.client.AraClientSettings;
import so.ara.client.AraRuntimeClient;
import so.ara.json.AraJson;
import so.ara.manifest.AppManifest;

/**
 * The reactive {@link AraClient} bound to this app's manifest and the {@link AraRuntimeClient}, connected where
 * {@code ara.mode} says: the Ara cloud, an embedded ara-local, or nowhere (manifest-only).
 */
@AutoConfiguration(after = { AraManifestAutoConfiguration.class, WebClientAutoConfiguration.class },
        before = AraEndpointsAutoConfiguration.class)
@ConditionalOnClass(WebClient.class)
@Import(AraEndpointBridgeConfiguration.class)
public final class AraClientAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    AraConnection araConnection(AraProperties properties, Environment environment,
            ObjectProvider<AraConnectionDetails> connectionDetails, ObjectProvider<LocalControlPlane> local) {
        return new AraModeResolver(properties, environment).resolve(connectionDetails.getIfAvailable(),
                local.getIfAvailable());
    }

    @Bean
    @ConditionalOnMissingBean
    AraClient araClient(AppManifest manifest, AraConnection connection, ObjectProvider<WebClient.Builder> builders,
            ObjectProvider<ObservationRegistry> observations) {
        return new AraClient((tools.jackson.databind.JsonNode) AraJson.mapper().valueToTree(manifest), builders.getIfAvailable(WebClient::builder),
                connection.credentials(), AraClientSettings.defaults(), observations.getIfAvailable());
    }

    @Bean
    @ConditionalOnMissingBean
    AraRuntimeClient araRuntimeClient(AraConnection connection, ObjectProvider<WebClient.Builder> builders,
            ObjectProvider<ObservationRegistry> observations) {
        return new AraRuntimeClient(builders.getIfAvailable(WebClient::builder), connection.credentials(),
                AraClientSettings.defaults(), observations.getIfAvailable());
    }

    @Bean
    @ConditionalOnMissingBean
    AraDeployState araDeployState(AraConnection connection, AraProperties properties) {
        boolean deploys = connection.deploys() && properties.deploy().onStartup();
        return new AraDeployState(connection.modeName(),
                connection.deploys() ? connection.credentials().apiBaseUrl() : null, deploys,
                java.time.Clock.systemUTC());
    }

    @Bean
    @ConditionalOnMissingBean
    AraStartupDeployer araStartupDeployer(AraClient client, AraDeployState state, AraProperties properties,
            AraAppDefinition definition, AraConnection connection, Environment environment,
            ObjectProvider<AraCallbackSecret> callbackSecret) {
        AraCallbackSecret secret = callbackSecret.getIfAvailable();
        return new AraStartupDeployer(client, state, properties.deploy(), new ManifestRendering(definition,
                connection, environment, secret == null ? null : secret::value));
    }
}
