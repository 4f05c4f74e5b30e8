package so.ara.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import so.ara.credentials.PrivateFiles;
import so.ara.json.AraJson;
import so.ara.json.PythonJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The runtime keys the CLI minted, as the Python CLI keeps them: {@code .runtime-keys.local} in the working directory,
 * a JSON object {@code {"<slug>": "<runtime key>"}} (2-space indent), written atomically with mode 0600. Deploy and
 * setup-auth store the key they mint; runtime commands without {@code --runtime-key} reuse it, so keys do not pile up.
 */
final class RuntimeKeyCache {

    static final String FILE_NAME = ".runtime-keys.local";


    private final Path path;

    RuntimeKeyCache(Path workingDirectory) {
        this.path = workingDirectory.resolve(FILE_NAME);
    }

    Path path() {
        return this.path;
    }

    Optional<String> get(String slug) {
        JsonNode key = read().get(slug);
        return key != null && key.isString() && !key.asString().isBlank() ? Optional.of(key.asString().strip())
                : Optional.empty();
    }

    /** Stores {@code key} for {@code slug}; a failure to write is a warning, never a failed command. */
    void put(String slug, String key, AraCliIo io) {
        ObjectNode keys = read();
        if (key.equals(keys.path(slug).asString(null))) {
            return;
        }
        keys.put(slug, key);
        try {
            write(keys);
        }
        catch (IOException ex) {
            io.err().println("Warning: could not save the runtime key to " + this.path + ": " + ex.getMessage());
            io.err().flush();
        }
    }

    private ObjectNode read() {
        if (!Files.isRegularFile(this.path)) {
            return AraJson.mapper().createObjectNode();
        }
        try {
            JsonNode node = AraJson.mapper().readTree(Files.readString(this.path, StandardCharsets.UTF_8));
            return node instanceof ObjectNode object ? object : AraJson.mapper().createObjectNode();
        }
        catch (IOException | JacksonException ex) {
            return AraJson.mapper().createObjectNode();
        }
    }

    private void write(ObjectNode keys) throws IOException {
        byte[] bytes = (PythonJson.dumps(keys) + "\n").getBytes(StandardCharsets.UTF_8);
        Path dir = this.path.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        PrivateFiles.writeAtomically(this.path, bytes);
    }
}
