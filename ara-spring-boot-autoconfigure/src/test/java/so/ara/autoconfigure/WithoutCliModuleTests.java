package so.ara.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/** The CLI is opt-in (module {@code ara-spring-boot-cli}): the auto-configuration alone brings neither picocli nor a run listener. */
class WithoutCliModuleTests {

    @Test
    void noPicocliAndNoAraRunListenerOnTheClasspath() throws IOException {
        ClassLoader loader = getClass().getClassLoader();
        assertThat(ClassUtils.isPresent("picocli.CommandLine", loader)).isFalse();
        assertThat(ClassUtils.isPresent("so.ara.cli.AraCliRunListener", loader)).isFalse();
        List<String> factories = new ArrayList<>();
        for (URL url : Collections.list(loader.getResources("META-INF/spring.factories"))) {
            try (InputStream in = url.openStream()) {
                factories.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertThat(factories).isNotEmpty().noneMatch(text -> text.contains("so.ara.cli"));
    }
}
