package so.ara.credentials;

import so.ara.json.PythonJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.Set;

import so.ara.json.AraJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The CLI credentials file {@code <home>/.ara/credentials.json} in the Python CLI's format (docs/ara-reference.md §6.4):
 * 2-space indented JSON plus a newline, file mode 0600, directory mode 0700, {@code updated_at} refreshed on every
 * save, written atomically (temporary file in the same directory, fsync, rename).
 */
public final class CredentialsFile {

    private static final Set<PosixFilePermission> DIR_MODE = PosixFilePermissions.fromString("rwx------");
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private final Path path;
    private final Clock clock;

    /** The file {@code <home>/.ara/credentials.json}. */
    public CredentialsFile(Path home, Clock clock) {
        this(home.resolve(".ara").resolve("credentials.json"), clock, true);
    }

    private CredentialsFile(Path path, Clock clock, boolean ignored) {
        this.path = path;
        this.clock = clock;
    }

    /** The credentials file at exactly {@code file} (for example {@code ara.credentials.file}). */
    public static CredentialsFile at(Path file, Clock clock) {
        return new CredentialsFile(file, clock, true);
    }

    public Path path() {
        return this.path;
    }

    /** The stored object, or empty when the file is missing, unreadable or not a JSON object. */
    public Optional<ObjectNode> read() {
        if (!Files.isRegularFile(this.path)) {
            return Optional.empty();
        }
        try {
            JsonNode node = AraJson.mapper().readTree(Files.readString(this.path, StandardCharsets.UTF_8));
            return node instanceof ObjectNode object ? Optional.of(object) : Optional.empty();
        }
        catch (IOException | JacksonException ex) {
            return Optional.empty();
        }
    }

    /** Saves {@code credentials} (with a fresh {@code updated_at}) atomically. */
    public void write(ObjectNode credentials) {
        ObjectNode copy = credentials.deepCopy();
        copy.put("updated_at", pythonUtcIso(OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC)));
        byte[] bytes = (PythonJson.dumps(copy) + "\n").getBytes(StandardCharsets.UTF_8);
        Path dir = this.path.getParent();
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        try {
            if (posix) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(DIR_MODE));
                Files.setPosixFilePermissions(dir, DIR_MODE);
            }
            else {
                Files.createDirectories(dir);
            }
            PrivateFiles.writeAtomically(this.path, bytes);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not save Ara credentials to " + this.path, ex);
        }
    }

    /** Python's {@code datetime.isoformat()} of an aware UTC datetime: microseconds only when non-zero, {@code +00:00}. */
    static String pythonUtcIso(OffsetDateTime utc) {
        return (utc.getNano() / 1000 == 0 ? SECONDS : MICROS).format(utc) + "+00:00";
    }
}
