package so.ara.autoconfigure.packaged;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A packaged app ({@code java -jar app.jar}, its main class inside the jar) without Ara credentials and with ara-local
 * on the classpath must not deploy to itself in {@code ara.mode=auto}: startup fails with the failure analysis.
 * A real child JVM, with its home and working directory in a temp dir.
 */
class PackagedStartupTests {

    @TempDir
    Path dir;

    @Test
    void packagedJarWithoutCredentialsFailsStartupListingTheSourcesTried() throws Exception {
        Path jar = packagedJar();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-Duser.home=" + this.dir.resolve("home"),
                "-jar", jar.toString(), "--spring.main.web-application-type=none",
                "--spring.application.name=packaged-desk", "--ara.endpoints.enabled=false"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(this.dir.toFile()).redirectErrorStream(true)
                .redirectOutput(this.dir.resolve("out.log").toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("ARA_"));
        Process process = builder.start();
        boolean exited = process.waitFor(90, TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly();
        }
        String output = Files.readString(this.dir.resolve("out.log"));
        assertThat(exited).as(output).isTrue();
        assertThat(process.exitValue()).as(output).isNotZero();
        assertThat(output).contains("APPLICATION FAILED TO START")
                .contains("this app runs packaged (file:").contains(jar.toString() + "), so ara.mode=auto does not deploy")
                .contains("Credential sources tried:")
                .contains("credentials file " + this.dir.resolve("home/.ara/credentials.json"))
                .contains("set ara.mode=local")
                .doesNotContain("Started the embedded ara-local");
    }

    /** A jar holding the main class, with the test classpath in its manifest's Class-Path. */
    private Path packagedJar() throws IOException {
        Manifest manifest = new Manifest();
        Attributes attributes = manifest.getMainAttributes();
        attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        attributes.put(Attributes.Name.MAIN_CLASS, PackagedDeskApplication.class.getName());
        attributes.put(Attributes.Name.CLASS_PATH, classPath());
        Path jar = this.dir.resolve("packaged-desk.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            for (Class<?> type : List.of(PackagedDeskApplication.class, PackagedDeskApplication.Desk.class)) {
                String entry = type.getName().replace('.', '/') + ".class";
                out.putNextEntry(new JarEntry(entry));
                try (var in = type.getClassLoader().getResourceAsStream(entry)) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
        return jar;
    }

    private static String classPath() {
        String raw = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> urls = new ArrayList<>();
        for (String entry : raw.split(java.io.File.pathSeparator)) {
            if (!entry.isBlank()) {
                urls.add(Path.of(entry).toAbsolutePath().toUri().toString());
            }
        }
        return String.join(" ", urls);
    }
}
