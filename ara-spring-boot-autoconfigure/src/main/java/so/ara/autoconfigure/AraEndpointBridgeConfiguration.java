package so.ara.autoconfigure;

import java.time.Duration;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.unit.DataSize;
import so.ara.autoconfigure.endpoint.AraEndpointCatalog;
import so.ara.autoconfigure.endpoint.EndpointAvailability;
import so.ara.gateway.EndpointRunForwarder;
import so.ara.client.AraClient;
import so.ara.manifest.AppManifest;
import so.ara.manifest.EndpointSpec;

/**
 * What the endpoint routes serve (the manifest's endpoints), where they send runs (the {@link AraClient}), when they
 * may (once deployed), and a client codec limit that fits the largest body an endpoint accepts.
 */
@Configuration(proxyBeanMethods = false)
class AraEndpointBridgeConfiguration {

    @Bean
    @ConditionalOnMissingBean
    AraEndpointCatalog araEndpointCatalog(AppManifest manifest) {
        return new AraEndpointCatalog() {
            @Override
            public String appSlug() {
                return manifest.slug();
            }

            @Override
            public List<EndpointSpec> endpoints() {
                return manifest.endpoints();
            }
        };
    }

    @Bean
    @ConditionalOnMissingBean
    EndpointRunForwarder araEndpointRunForwarder(ObjectProvider<AraClient> client, Environment environment) {
        Duration timeout = Binder.get(environment).bind("ara.endpoints.stream-timeout", Duration.class)
                .orElse(Duration.ofMinutes(3));
        return new ClientRunForwarder(client::getObject, timeout);
    }

    @Bean
    @ConditionalOnMissingBean
    EndpointAvailability araEndpointAvailability(AraDeployState deployState) {
        return new DeployedEndpointAvailability(deployState);
    }

    @Bean
    @ConditionalOnMissingBean(name = "araEndpointCodecCustomizer")
    AraClientCustomizer araEndpointCodecCustomizer(Environment environment) {
        DataSize maxBody = Binder.get(environment).bind("ara.endpoints.max-body-size", DataSize.class)
            .orElse(DataSize.ofMegabytes(1));
        return new EndpointCodecLimit(maxBody);
    }
}
