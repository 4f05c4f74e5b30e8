package so.ara.autoconfigure;

import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import so.ara.autoconfigure.endpoint.AraEndpointCatalog;
import so.ara.autoconfigure.endpoint.EndpointRunForwarder;
import so.ara.client.AraClient;
import so.ara.manifest.AppManifest;
import so.ara.manifest.EndpointSpec;

/** What the endpoint routes serve (the manifest's endpoints) and where they send runs (the {@link AraClient}). */
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
    EndpointRunForwarder araEndpointRunForwarder(AraClient client) {
        return new ClientRunForwarder(client);
    }
}
