package so.ara.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The embedded database under ara-local's state: an H2 {@link MVStore} (a file {@code ara-local.mv.db} in the data
 * directory, or memory only). Each {@link #commit()} is atomic: after a crash the store opens at the last commit.
 * Records are JSON strings in named maps; log rows live in one map per app ({@code log:<appId>}, keyed by row id).
 *
 * <p>A store that cannot be read is never written: {@link #open} first reads it read-only; the caller loads
 * everything from that view and only then calls {@link #writable()}.
 */
final class StoreFile implements AutoCloseable {

    static final String FILE_NAME = "ara-local.mv.db";
    static final String KEY_FILE_NAME = "ara-local.key";
    private static final String LOG_PREFIX = "log:";

    /** The store cannot be opened or read; ara-local refuses to start and leaves the files as they are. */
    static final class Unreadable extends IllegalStateException {
        Unreadable(Path file, String problem, Throwable cause) {
            super("ara-local cannot read its store " + file + ": " + problem
                    + "; the file was left unchanged. Move it away to start empty, or restore a backup.", cause);
        }
    }

    private final Path file;
    private final SecretBox box;
    private MVStore store;

    private StoreFile(Path file, SecretBox box, MVStore store) {
        this.file = file;
        this.box = box;
        this.store = store;
    }

    static StoreFile inMemory() {
        return new StoreFile(null, SecretBox.ephemeral(), new MVStore.Builder().autoCommitDisabled().open());
    }

    /** Opens the store of a data directory read-only (or creates it empty); see {@link #writable()}. */
    static StoreFile open(Path dataDir, Path keyFile) {
        Path dir = dataDir.toAbsolutePath();
        Path file = dir.resolve(FILE_NAME);
        Path key = keyFile == null ? dir.resolve(KEY_FILE_NAME) : keyFile.toAbsolutePath();
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new Unreadable(dir, "it is a file, not a directory (ara-local keeps its state in a data "
                    + "directory; the JSON state file of earlier versions is no longer read)", null);
        }
        boolean fresh = !Files.exists(file);
        SecretBox box;
        try {
            Files.createDirectories(dir);
            box = SecretBox.fromFile(key, fresh);
        } catch (IOException e) {
            throw new Unreadable(fresh ? dir : file, e.getMessage(), e);
        }
        if (fresh) {
            return new StoreFile(file, box, openWritable(file));
        }
        try {
            return new StoreFile(file, box, new MVStore.Builder().fileName(file.toString()).readOnly().open());
        } catch (RuntimeException e) {
            throw new Unreadable(file, describe(e), e);
        }
    }

    /** Switches a store opened read-only to read-write (after everything was loaded from it). */
    StoreFile writable() {
        if (file != null && store.isReadOnly()) {
            store.close();
            store = openWritable(file);
        }
        return this;
    }

    private static MVStore openWritable(Path file) {
        try {
            MVStore opened = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open();
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException | IOException ignored) {
                // not a POSIX file system
            }
            return opened;
        } catch (RuntimeException e) {
            throw new Unreadable(file, describe(e), e);
        }
    }

    static String describe(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int bracket = message.indexOf(" [");
        return bracket > 0 ? message.substring(0, bracket) : message;
    }

    Path file() {
        return file;
    }

    boolean durable() {
        return file != null;
    }

    SecretBox box() {
        return box;
    }

    MVMap<String, String> map(String name) {
        if (store.isReadOnly() && !store.hasMap(name)) {
            return new MVStore.Builder().open().openMap(name); // nothing stored under this name yet
        }
        return store.openMap(name);
    }

    MVMap<Long, String> logMap(String appId) {
        return store.openMap(LOG_PREFIX + appId);
    }

    /** The app ids that have a log map. */
    List<String> logApps() {
        List<String> out = new ArrayList<>();
        for (String name : store.getMapNames()) {
            if (name.startsWith(LOG_PREFIX)) {
                out.add(name.substring(LOG_PREFIX.length()));
            }
        }
        return out;
    }

    /** Makes every change so far durable at once (a no-op in memory). */
    void commit() {
        if (file != null && !store.isReadOnly()) {
            store.commit();
        }
    }

    @Override
    public void close() {
        if (!store.isClosed()) {
            if (file != null && !store.isReadOnly()) {
                store.commit();
            }
            store.close();
        }
    }
}
