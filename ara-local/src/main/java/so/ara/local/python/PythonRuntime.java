package so.ara.local.python;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Runs app functions in warm Python interpreters: one {@link WorkerPool} per app, laid out in its own working
 * directory and rebuilt when the app's {@link PythonEnvironment} changes (redeploy, new secrets). Each call has a
 * timeout; a call over it is killed with its interpreter. Without a usable interpreter every call fails with a
 * message saying how to fix it (logged once at construction).
 */
public final class PythonRuntime implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PythonRuntime.class);
    private static final String WORKER_RESOURCE = "/so/ara/local/python/ara_worker.py";
    private static final java.time.Duration STARTUP_TIMEOUT = java.time.Duration.ofSeconds(30);

    private final PythonSettings settings;
    private final PythonInterpreter interpreter;
    private final Path base;
    private final boolean ownsBase;
    private final Path script;
    private final Map<String, WorkerPool> pools = new ConcurrentHashMap<>();
    /**
     * Its own threads for the short blocking steps (starting a process, writing files): the shared bounded-elastic
     * scheduler may be saturated by the app's blocking code (Java tools called back through the shims), which would
     * leave these steps queued behind it.
     */
    private final Scheduler blocking = Schedulers.newBoundedElastic(8, 100_000, "ara-python");
    private final java.util.concurrent.atomic.AtomicLong generations = new java.util.concurrent.atomic.AtomicLong();
    private volatile boolean closed;

    public PythonRuntime(PythonSettings settings) {
        this(settings, PythonInterpreter.locate(settings.executable(), System.getenv("PATH")));
    }

    PythonRuntime(PythonSettings settings, PythonInterpreter interpreter) {
        this.settings = settings;
        this.interpreter = interpreter;
        try {
            this.ownsBase = settings.workDirectory() == null;
            this.base = ownsBase ? Files.createTempDirectory("ara-local-python-")
                    : Files.createDirectories(settings.workDirectory());
            this.script = base.resolve("ara_worker.py");
            try (InputStream in = PythonRuntime.class.getResourceAsStream(WORKER_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(WORKER_RESOURCE + " is missing from the ara-local jar");
                }
                Files.write(script, in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("ara-local cannot prepare its Python working directory", e);
        }
        if (interpreter.available()) {
            log.info("ara-local runs app Python with {} (Python {}), {} warm interpreters per app",
                    interpreter.path(), interpreter.version(), settings.poolSize());
        } else {
            log.warn("ara-local: {}. Tools and prompt factories of deployed apps will fail until then.",
                    interpreter.problem());
        }
    }

    public PythonInterpreter interpreter() {
        return interpreter;
    }

    /** Calls one function; completes with its result or errors with {@link PythonCallException}. */
    public Mono<PythonResult> call(PythonEnvironment environment, PythonCall call) {
        if (!interpreter.available()) {
            return Mono.error(new PythonCallException(PythonCallException.Kind.UNAVAILABLE, interpreter.problem(),
                    null, null, null, null));
        }
        return Mono.defer(() -> {
            WorkerPool pool = poolFor(environment);
            return pool.acquire()
                    .flatMap(worker -> exchange(pool, worker, request(call)))
                    .doOnDiscard(PythonWorker.class, w -> pool.release(w, true));
        }).subscribeOn(blocking);
    }

    private static Map<String, Object> request(PythonCall call) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("key", sha256(call.source()));
        request.put("source", call.source());
        request.put("function", call.functionName());
        if (call.positional() != null) {
            request.put("positional", call.positional());
        } else {
            request.put("kwargs", call.kwargs());
        }
        return request;
    }

    private Mono<PythonResult> exchange(WorkerPool pool, PythonWorker worker, Map<String, Object> request) {
        AtomicBoolean released = new AtomicBoolean();
        long timeoutMs = settings.callTimeout().toMillis();
        // the call timeout starts once the interpreter is up: a slow start is not the call's fault
        Mono<Void> started = Mono.fromFuture(worker.ready(), true)
                .timeout(STARTUP_TIMEOUT)
                .onErrorMap(TimeoutException.class, e -> new PythonCallException(PythonCallException.Kind.WORKER_DIED,
                        "the Python interpreter did not start within " + STARTUP_TIMEOUT.toSeconds() + " s", null,
                        null, null, null));
        Mono<Map<String, Object>> reply = Mono.fromFuture(() -> worker.send(request))
                .timeout(settings.callTimeout())
                .onErrorMap(TimeoutException.class, e -> new PythonCallException(PythonCallException.Kind.TIMEOUT,
                        "timed out after " + timeoutMs + " ms (its interpreter was stopped)", null, null, null, null));
        return started.then(reply)
                .doOnNext(r -> {
                    if (released.compareAndSet(false, true)) {
                        pool.release(worker, true);
                    }
                })
                .doOnError(e -> {
                    if (released.compareAndSet(false, true)) {
                        pool.release(worker, false);
                    }
                })
                .doOnCancel(() -> {
                    if (released.compareAndSet(false, true)) {
                        pool.release(worker, false);
                    }
                })
                .map(PythonRuntime::result)
                .publishOn(Schedulers.parallel());
    }

    private static PythonResult result(Map<String, Object> reply) {
        String stdout = reply.get("stdout") instanceof String s ? s : "";
        String stderr = reply.get("stderr") instanceof String s ? s : "";
        if (Boolean.TRUE.equals(reply.get("ok"))) {
            return new PythonResult(reply.get("result"), stdout, stderr);
        }
        throw new PythonCallException(PythonCallException.Kind.RAISED, String.valueOf(reply.get("error")),
                reply.get("exception") instanceof String s ? s : null,
                reply.get("traceback") instanceof String t ? t : null, stdout, stderr);
    }

    private WorkerPool poolFor(PythonEnvironment environment) {
        if (closed) {
            throw new PythonCallException(PythonCallException.Kind.UNAVAILABLE, "ara-local is stopping", null, null,
                    null, null);
        }
        WorkerPool current = pools.get(environment.appId());
        if (current != null && current.fingerprint.equals(environment.fingerprint())) {
            return current;
        }
        synchronized (pools) {
            current = pools.get(environment.appId());
            if (current != null && current.fingerprint.equals(environment.fingerprint())) {
                return current;
            }
            // a directory per pool: an old pool's busy workers keep theirs until they finish
            Path dir = base.resolve(safe(environment.appId()))
                    .resolve(environment.fingerprint().substring(0, 16) + "-" + generations.incrementAndGet());
            AppWorkspace.layOut(dir, environment.files());
            Map<String, String> env = processEnv(dir, environment.env());
            WorkerPool next = new WorkerPool(environment.fingerprint(),
                    () -> PythonWorker.start(interpreter.path(), script, dir, env, safe(environment.label())),
                    settings.poolSize(), settings.maxQueued(), () -> AppWorkspace.delete(dir));
            pools.put(environment.appId(), next);
            if (current != null) {
                current.close();
            }
            return next;
        }
    }

    /** A clean environment: no variables of the ara-local process leak in except PATH. */
    private static Map<String, String> processEnv(Path dir, Map<String, String> appEnv) {
        Map<String, String> env = new LinkedHashMap<>();
        String path = System.getenv("PATH");
        env.put("PATH", path == null ? "/usr/local/bin:/usr/bin:/bin" : path);
        env.put("HOME", dir.toString());
        env.put("LANG", "C.UTF-8");
        env.put("PYTHONIOENCODING", "utf-8");
        env.put("PYTHONUNBUFFERED", "1");
        env.put("PYTHONDONTWRITEBYTECODE", "1");
        env.putAll(appEnv);
        return env;
    }

    private static String safe(String text) {
        String s = text == null ? "app" : text.replaceAll("[^A-Za-z0-9_.-]", "_");
        return s.isEmpty() ? "app" : s;
    }

    /** Live interpreter processes of an app (for tests and diagnostics). */
    public int liveWorkers(String appId) {
        WorkerPool pool = pools.get(appId);
        return pool == null ? 0 : pool.liveWorkers();
    }

    static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fingerprint over any parts (their string forms). */
    public static String fingerprint(Object... parts) {
        StringBuilder sb = new StringBuilder();
        for (Object p : parts) {
            sb.append(p).append('\u0000');
        }
        return sha256(sb.toString());
    }

    @Override
    public void close() {
        closed = true;
        List<WorkerPool> all;
        synchronized (pools) {
            all = new ArrayList<>(pools.values());
            pools.clear();
        }
        all.forEach(WorkerPool::close);
        blocking.dispose();
        if (ownsBase) {
            AppWorkspace.delete(base);
        }
    }
}
