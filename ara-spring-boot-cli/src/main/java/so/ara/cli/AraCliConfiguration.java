package so.ara.cli;

import picocli.CommandLine;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import so.ara.autoconfigure.AraAppDefinition;

/**
 * The embedded CLI's beans; registered by {@link AraCliRunListener} in CLI mode only. A bean of type
 * {@link AraCliIo} or {@link AraCliExit} in the application replaces the default streams or exit step.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(CommandLine.class)
public class AraCliConfiguration {

    static final String BEAN_NAME = "so.ara.cli.AraCliConfiguration";

    @Bean
    AraCliRunner araCliRunner(ConfigurableApplicationContext context, ObjectProvider<AraCliIo> io,
            ObjectProvider<AraCliExit> exit, ObjectProvider<AraAppDefinition> definition) {
        return new AraCliRunner(context, io.getIfAvailable(AraCliIo::system),
                exit.getIfAvailable(() -> AraCliExit.SYSTEM), definition);
    }
}
