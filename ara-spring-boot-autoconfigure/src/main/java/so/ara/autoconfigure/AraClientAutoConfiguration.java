package so.ara.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.web.reactive.function.client.WebClient;
import so.ara.autoconfigure.callback.AraCallbackSecret;
import so.ara.autoconfigure.endpoint.AraEndpointsAutoConfiguration;
import so.ara.client.AraClient;
import so.ara.client.AraClientBuilder;
import so.ara.client.AraRuntimeClient;
import so.ara.json.AraJson;
import so.ara.manifest.AppManifest;

/**
 * The reactive {@link AraClient} bound to this app's manifest and the {@link AraRuntimeClient}, connected where
 * {@code ara.mode} says: the Ara cloud, an embedded ara-local, or nowhere (manifest-only). Connection facts come from
 * {@link AraConnectionDetails} (the properties-backed one unless another is defined); transport settings from
 * {@code ara.client.*}; Boot's {@code WebClient.Builder} (instrumented for observations) is the base, then every
 * {@link AraClientCustomizer} is applied.
 */
@AutoConfiguration(after = { AraManifestAutoConfiguration.class, WebClientAutoConfiguration.class },
        before = AraEndpointsAutoConfiguration.class)
@ConditionalOnClass(WebClient.class)
@Import(AraEndpointBridgeConfiguration.class)
public final class AraClientAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(AraConnectionDetails.class)
    PropertiesAraConnectionDetails araConnectionDetails(Environment environment) {
        return new PropertiesAraConnectionDetails(environment);
    }

    @Bean
    @ConditionalOnMissingBean
    AraConnection araConnection(AraProperties properties, Environment environment, ResourceLoader resourceLoader,
            ObjectProvider<AraConnectionDetails> connectionDetails) {
        return new AraModeResolver(properties, environment, resourceLoader.getClassLoader())
                .resolve(connectionDetails.orderedStream().toList());
    }

    /** Lazy: the deploy at ready or the first endpoint call builds it; starting the app needs no HTTP client. */
    @Bean
    @Lazy
    @ConditionalOnMissingBean
    AraClient araClient(AppManifest manifest, AraConnection connection, AraProperties properties,
            ObjectProvider<WebClient.Builder> builders, ObjectProvider<AraClientCustomizer> customizers) {
        return clientBuilder(connection, properties, builders, customizers)
                .build(AraJson.mapper().valueToTree(manifest));
    }

    @Bean
    @Lazy
    @ConditionalOnMissingBean
    AraRuntimeClient araRuntimeClient(AraConnection connection, AraProperties properties,
            ObjectProvider<WebClient.Builder> builders, ObjectProvider<AraClientCustomizer> customizers) {
        return clientBuilder(connection, properties, builders, customizers).buildRuntimeClient();
    }

    private static AraClientBuilder clientBuilder(AraConnection connection, AraProperties properties,
            ObjectProvider<WebClient.Builder> builders, ObjectProvider<AraClientCustomizer> customizers) {
        AraClientBuilder builder = new AraClientBuilder(builders.getIfAvailable(WebClient::builder),
                connection.credentials(), AraClientSettingsMapper.settings(properties.client()));
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return builder;
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
    AraStartupDeployer araStartupDeployer(ObjectProvider<AraClient> client, AraDeployState state,
            AraProperties properties, AraAppDefinition definition, AraConnection connection, Environment environment,
            ObjectProvider<AraCallbackSecret> callbackSecret) {
        AraCallbackSecret secret = callbackSecret.getIfAvailable();
        return new AraStartupDeployer(client::getObject, state, properties.deploy(), new ManifestRendering(definition,
                connection, environment, secret == null ? null : secret::value));
    }
}
