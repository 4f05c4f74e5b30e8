package so.ara.autoconfigure.local;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.util.unit.DataSize;
import so.ara.autoconfigure.AraClientAutoConfiguration;
import so.ara.autoconfigure.AraManifestAutoConfiguration;
import so.ara.autoconfigure.AraProperties;
import so.ara.autoconfigure.LocalControlPlane;

/**
 * The embedded ara-local as this app's control plane, when it is on the classpath and the mode resolves to local
 * ({@link LocalModeCondition}), and the client that deploys to it can exist (WebClient present). Ordered after Testcontainers'
 * service connections so that their connection details take precedence in {@code auto} mode.
 */
@AutoConfiguration(after = AraManifestAutoConfiguration.class, before = AraClientAutoConfiguration.class,
        afterName = "org.springframework.boot.testcontainers.service.connection.ServiceConnectionAutoConfiguration")
@ConditionalOnClass(name = { "so.ara.local.AraLocalServer",
        "org.springframework.web.reactive.function.client.WebClient" })
@Conditional(LocalModeCondition.class)
public final class AraLocalModeAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(LocalControlPlane.class)
    EmbeddedAraLocal embeddedAraLocal(AraProperties properties, Environment environment) {
        DataSize endpointMaxBody = Binder.get(environment).bind("ara.endpoints.max-body-size", DataSize.class)
            .orElse(DataSize.ofMegabytes(1));
        return new EmbeddedAraLocal(properties.local(), LocalModeCondition.reason(environment), endpointMaxBody);
    }
}
