package so.ara.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The embedded database under ara-local's state: an H2 {@link MVStore} (a file {@code ara-local.mv.db} in the data
 * directory, or memory only). Each {@link #commit()} is atomic: after a crash the store opens at the last commit.
 * Records are JSON strings in named maps; log rows live in one map per app ({@code log:<appId>}, keyed by row id).
 *
 * <p>A store that cannot be read is never written: {@link #open} first reads it read-only; the caller loads
 * everything from that view and only then calls {@link #writable()}.
 *
 * <p>Commits are grouped: callers that ask for a commit while one is being written are covered by the next single
 * commit (or by the one in progress, when it started after their writes). A durable store also commits every
 * {@link #COMMIT_INTERVAL_MS} (bounding what kill -9 can lose of rows not yet committed) and rewrites sparse chunks
 * so the file stays bounded; freed space is reused after {@link #RETENTION_MS}.
 */
final class StoreFile implements AutoCloseable {

    static final String FILE_NAME = "ara-local.mv.db";
    static final String KEY_FILE_NAME = "ara-local.key";
    private static final String LOG_PREFIX = "log:";
    /** Background commit period: rows published since the last commit are durable at most this much later. */
    static final long COMMIT_INTERVAL_MS = 1_000;
    /**
     * How long a dead chunk is kept before its space is reused. MVStore's default (45 s) assumes commits once a
     * second; ara-local commits per accepted run, so 45 s of chunks would be hundreds of MB under load. A process
     * crash (kill -9) keeps every completed write, so the file stays readable; like the missing fsync, this trades
     * protection against power loss of the last seconds for a bounded file.
     */
    static final int RETENTION_MS = 2_000;
    /** Chunks below this fill rate (percent live data) are rewritten by the background maintenance. */
    private static final int COMPACT_FILL_RATE = 60;
    private static final int COMPACT_WRITE_BYTES = 4 << 20;

    /** The store cannot be opened or read; ara-local refuses to start and leaves the files as they are. */
    static final class Unreadable extends IllegalStateException {
        Unreadable(Path file, String problem, Throwable cause) {
            super("ara-local cannot read its store " + file + ": " + problem
                    + "; the file was left unchanged. Move it away to start empty, or restore a backup.", cause);
        }
    }

    private final Path file;
    private final SecretBox box;
    private volatile MVStore store;
    /** Commit tickets: a caller takes one after its writes; a commit started later covers it. */
    private final AtomicLong requested = new AtomicLong();
    private final Object commitLock = new Object();
    /** The highest ticket covered by a finished commit (guarded by commitLock). */
    private long covered;
    private final AtomicLong commits = new AtomicLong();
    private ScheduledExecutorService maintenance;
    /** One thread writes the commits asked for by {@link #commitAsync()}, each covering every request queued. */
    private ExecutorService committer;
    private final ConcurrentLinkedQueue<CompletableFuture<Void>> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean commitQueued = new AtomicBoolean();

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
        if (file != null && maintenance == null) {
            maintenance = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "ara-local-store");
                t.setDaemon(true);
                return t;
            });
            maintenance.scheduleWithFixedDelay(this::maintain, COMMIT_INTERVAL_MS, COMMIT_INTERVAL_MS,
                    TimeUnit.MILLISECONDS);
            committer = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "ara-local-commit");
                t.setDaemon(true);
                return t;
            });
        }
        return this;
    }

    /** The periodic commit, then a rewrite of sparse chunks (committed by the next round). */
    private void maintain() {
        try {
            commit();
            synchronized (commitLock) { // MVStore only tries its lock for this: between commits it gets it
                if (!store.isClosed()) {
                    store.compact(COMPACT_FILL_RATE, COMPACT_WRITE_BYTES);
                }
            }
        } catch (RuntimeException | AssertionError e) {
            // a store closed meanwhile, or a failing disk: the next request's commit reports it; the schedule
            // goes on (an escaping throwable would cancel it)
        }
    }

    private static MVStore openWritable(Path file) {
        try {
            MVStore opened = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open();
            opened.setRetentionTime(RETENTION_MS);
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

    /**
     * Makes every change so far durable (a no-op in memory or once closed). Group commit: the caller's writes
     * happened before it took its ticket, so a commit that starts after that covers them; callers queued behind a
     * commit in progress share the next one.
     */
    void commit() {
        if (file == null) {
            return;
        }
        long ticket = requested.incrementAndGet();
        synchronized (commitLock) {
            if (covered >= ticket || store.isClosed() || store.isReadOnly()) {
                return;
            }
            long upTo = requested.get();
            store.commit();
            covered = upTo;
            commits.incrementAndGet();
        }
    }

    /**
     * A commit that does not block the caller: the future completes once every change made before this call is
     * durable (at once in memory). Requests queued while a commit is written share the next one.
     */
    CompletableFuture<Void> commitAsync() {
        if (committer == null) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        waiting.add(done);
        if (commitQueued.compareAndSet(false, true)) {
            try {
                committer.execute(this::commitWaiting);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                commitWaiting(); // closing: commit (or skip, once closed) on the caller's thread
            }
        }
        return done;
    }

    private void commitWaiting() {
        commitQueued.set(false);
        List<CompletableFuture<Void>> batch = new ArrayList<>();
        for (CompletableFuture<Void> f = waiting.poll(); f != null; f = waiting.poll()) {
            batch.add(f);
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            commit();
            batch.forEach(f -> f.complete(null));
        } catch (RuntimeException e) {
            batch.forEach(f -> f.completeExceptionally(e));
        }
    }

    /** Commits written so far (for tests and the benchmark). */
    long commits() {
        return commits.get();
    }

    /** The size of the store file in bytes (0 in memory). */
    long fileSize() {
        try {
            return file == null || !Files.exists(file) ? 0 : Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    boolean isClosed() {
        return store.isClosed();
    }

    /** Commits and closes. */
    @Override
    public void close() {
        stopMaintenance();
        synchronized (commitLock) {
            if (!store.isClosed()) {
                if (file != null && !store.isReadOnly()) {
                    store.commit();
                }
                store.close(); // no compaction on close: MVStore's chunk move there trips its own assertions
            }
        }
    }

    /** Stops as a crash would: nothing since the last commit is written (tests of the kill -9 contract). */
    void closeAsCrash() {
        stopMaintenance();
        synchronized (commitLock) {
            store.closeImmediately();
        }
    }

    private void stopMaintenance() {
        if (committer != null) {
            committer.shutdown();
            try {
                committer.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (maintenance != null) {
            maintenance.shutdown(); // no interrupt: an interrupted file write would close MVStore's channel
            try {
                maintenance.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
