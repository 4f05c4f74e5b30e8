package so.ara.actuate;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import so.ara.autoconfigure.AraClientAutoConfiguration;
import so.ara.autoconfigure.AraDeployState;
import so.ara.manifest.AppManifest;

/** The {@code ara} actuator endpoint and health indicator, when Actuator is on the classpath. */
@AutoConfiguration(after = AraClientAutoConfiguration.class)
@ConditionalOnClass(Endpoint.class)
@ConditionalOnBean(AraDeployState.class)
public final class AraActuatorAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnAvailableEndpoint
    AraManifestEndpoint araManifestEndpoint(AppManifest manifest, AraDeployState deployState) {
        return new AraManifestEndpoint(manifest, deployState);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    @ConditionalOnEnabledHealthIndicator("ara")
    static class HealthConfiguration {

        @Bean
        @ConditionalOnMissingBean(name = "araHealthIndicator")
        AraHealthIndicator araHealthIndicator(AraDeployState deployState) {
            return new AraHealthIndicator(deployState);
        }
    }
}
