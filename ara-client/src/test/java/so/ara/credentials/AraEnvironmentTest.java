package so.ara.credentials;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class AraEnvironmentTest {

    @TempDir
    Path cwd;

    @Test
    void parsesDotenvLikePython() {
        Map<String, String> values = AraEnvironment.parse("""
                # comment
                
                NOEQUALS
                 A = 1 
                B='two'
                C="three"
                D='"mixed"'
                E=a=b
                =nokey
                F=
                export G=x
                """);
        assertThat(values).containsExactly(Map.entry("A", "1"), Map.entry("B", "two"), Map.entry("C", "three"),
                Map.entry("D", "mixed"), Map.entry("E", "a=b"), Map.entry("F", ""), Map.entry("export G", "x"));
    }

    @Test
    void environmentWinsThenDotenvThenDotenvLocal() throws Exception {
        Files.writeString(this.cwd.resolve(".env"), "ONLY_ENV=from-env-file\nSHARED=from-env-file\nSET=file\nEMPTY=\n");
        Files.writeString(this.cwd.resolve(".env.local"), "SHARED=from-local\nLOCAL=local\nEMPTY=filled\n");
        Map<String, String> process = Map.of("SET", "process", "BLANK", "");
        AraEnvironment env = AraEnvironment.of(process::get, this.cwd);
        assertThat(env.get("SET")).isEqualTo("process");
        assertThat(env.get("ONLY_ENV")).isEqualTo("from-env-file");
        assertThat(env.get("SHARED")).isEqualTo("from-env-file");
        assertThat(env.get("LOCAL")).isEqualTo("local");
        assertThat(env.get("EMPTY")).isEqualTo("filled");
        assertThat(env.get("BLANK")).isEqualTo("");
        assertThat(env.getTrimmed("BLANK")).isNull();
        assertThat(env.get("MISSING")).isNull();
        assertThat(System.getenv("ONLY_ENV")).isNull();
    }

    @Test
    void truthyValues() {
        Map<String, String> process = Map.of("A", "TRUE", "B", "on", "C", "0", "D", "yes", "E", "1");
        AraEnvironment env = AraEnvironment.of(process::get);
        assertThat(env.isTrue("A")).isTrue();
        assertThat(env.isTrue("B")).isTrue();
        assertThat(env.isTrue("C")).isFalse();
        assertThat(env.isTrue("D")).isTrue();
        assertThat(env.isTrue("E")).isTrue();
        assertThat(env.isTrue("F")).isFalse();
    }
}
