package so.ara.autoconfigure.env;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** Registers {@link AraSanitizingFunction} when Actuator is present. */
@AutoConfiguration
@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.SanitizingFunction")
public final class AraEnvironmentSanitizingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    AraSanitizingFunction araSanitizingFunction() {
        return new AraSanitizingFunction();
    }
}
