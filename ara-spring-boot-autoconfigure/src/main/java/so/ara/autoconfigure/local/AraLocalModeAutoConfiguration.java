package so.ara.autoconfigure.local;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import so.ara.autoconfigure.AraClientAutoConfiguration;
import so.ara.autoconfigure.AraManifestAutoConfiguration;
import so.ara.autoconfigure.AraProperties;
import so.ara.autoconfigure.LocalControlPlane;

/** Offers ara-local, when it is on the classpath, as the control plane for local mode. */
@AutoConfiguration(after = AraManifestAutoConfiguration.class, before = AraClientAutoConfiguration.class)
@ConditionalOnClass(name = "so.ara.local.AraLocalServer")
public final class AraLocalModeAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(LocalControlPlane.class)
    EmbeddedAraLocal embeddedAraLocal(AraProperties properties) {
        return new EmbeddedAraLocal(properties.local());
    }
}
