package so.ara.autoconfigure.packaged;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import so.ara.annotation.AraAgent;

/** A minimal Ara app, started by {@link PackagedStartupTests} from a jar as {@code java -jar} starts one. */
@SpringBootConfiguration
@EnableAutoConfiguration
public class PackagedDeskApplication {

    @Bean
    Desk desk() {
        return new Desk();
    }

    public static void main(String[] args) {
        SpringApplication.run(PackagedDeskApplication.class, args);
    }

    public static class Desk {

        @AraAgent(entrypoint = true, instructions = "Answer support questions.")
        public String answer(Map<String, Object> input) {
            return "Answer: " + input.get("input");
        }
    }
}
