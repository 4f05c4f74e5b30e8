package so.ara.local.python;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import so.ara.json.AraJson;

/**
 * One long-lived {@code python3} process running {@code ara_worker.py}: one request at a time, JSON lines on stdin,
 * replies as JSON lines on its stdout (user output is captured separately by the worker). Its stderr is drained
 * into the debug log, keeping a short tail to explain a crash.
 */
final class PythonWorker {

    private static final Logger log = LoggerFactory.getLogger(PythonWorker.class);
    private static final AtomicLong IDS = new AtomicLong();
    private static final int TAIL_LINES = 20;

    private final String name;
    private final Process process;
    private final OutputStream stdin;
    private final AtomicReference<CompletableFuture<Map<String, Object>>> pending = new AtomicReference<>();
    private final ArrayDeque<String> stderrTail = new ArrayDeque<>();
    private final AtomicLong requestIds = new AtomicLong();
    /** Completes when the interpreter has started and announced itself (its first line). */
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private volatile boolean exited;

    private PythonWorker(String name, Process process) {
        this.name = name;
        this.process = process;
        this.stdin = process.getOutputStream();
    }

    static PythonWorker start(Path python, Path script, Path workDir, Map<String, String> env, String label) {
        ProcessBuilder builder = new ProcessBuilder(List.of(python.toString(), "-u", "-B", script.toString()))
                .directory(workDir.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new PythonCallException(PythonCallException.Kind.UNAVAILABLE, "Python at " + python
                    + " cannot be started (" + e.getMessage() + "): " + PythonInterpreter.FIX, null, null, null, null);
        }
        PythonWorker worker = new PythonWorker("ara-python-" + label + "-" + IDS.incrementAndGet(), process);
        worker.startReaders();
        return worker;
    }

    private void startReaders() {
        Thread out = new Thread(this::readReplies, name + "-out");
        out.setDaemon(true);
        out.start();
        Thread err = new Thread(this::drainStderr, name + "-err");
        err.setDaemon(true);
        err.start();
    }

    private void readReplies() {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                Map<String, Object> reply = parse(line);
                if (reply == null) {
                    continue;
                }
                if (reply.containsKey("ready")) {
                    ready.complete(null);
                    continue;
                }
                CompletableFuture<Map<String, Object>> waiting = pending.getAndSet(null);
                if (waiting != null) {
                    waiting.complete(reply);
                }
            }
        } catch (IOException e) {
            // the process went away; handled below
        }
        exited = true;
        ready.completeExceptionally(new PythonCallException(PythonCallException.Kind.WORKER_DIED,
                "the Python interpreter exited while starting" + exitDetail(), null, null, null, null));
        CompletableFuture<Map<String, Object>> waiting = pending.getAndSet(null);
        if (waiting != null) {
            waiting.completeExceptionally(new PythonCallException(PythonCallException.Kind.WORKER_DIED,
                    "the Python interpreter exited during the call" + exitDetail(), null, null, null, null));
        }
    }

    private String exitDetail() {
        StringBuilder sb = new StringBuilder();
        try {
            if (process.waitFor(2, java.util.concurrent.TimeUnit.SECONDS)) {
                sb.append(" (exit code ").append(process.exitValue()).append(')');
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (stderrTail) {
            if (!stderrTail.isEmpty()) {
                sb.append(": ").append(String.join("\n", stderrTail));
            }
        }
        return sb.toString();
    }

    private void drainStderr() {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                log.debug("{}: {}", name, line);
                synchronized (stderrTail) {
                    stderrTail.addLast(line.length() > 500 ? line.substring(0, 500) : line);
                    while (stderrTail.size() > TAIL_LINES) {
                        stderrTail.removeFirst();
                    }
                }
            }
        } catch (IOException e) {
            // process gone
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(String line) {
        try {
            Object value = AraJson.mapper().readValue(line, Object.class);
            return value instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
        } catch (RuntimeException e) {
            log.warn("ara-local Python worker wrote a line that is not JSON; ignored");
            return null;
        }
    }

    /** Completes once the interpreter is ready for calls; the call timeout starts after it. */
    CompletableFuture<Void> ready() {
        return ready;
    }

    boolean alive() {
        return !exited && process.isAlive();
    }

    /** Sends one request; the worker must be idle (the pool guarantees one call at a time). */
    CompletableFuture<Map<String, Object>> send(Map<String, Object> request) {
        CompletableFuture<Map<String, Object>> reply = new CompletableFuture<>();
        if (!alive()) {
            reply.completeExceptionally(new PythonCallException(PythonCallException.Kind.WORKER_DIED,
                    "the Python interpreter is not running" + exitDetail(), null, null, null, null));
            return reply;
        }
        if (!pending.compareAndSet(null, reply)) {
            throw new IllegalStateException("Python worker " + name + " is busy");
        }
        request.put("id", requestIds.incrementAndGet());
        byte[] line = (AraJson.mapper().writeValueAsString(request) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            synchronized (stdin) {
                stdin.write(line);
                stdin.flush();
            }
        } catch (IOException e) {
            pending.compareAndSet(reply, null);
            reply.completeExceptionally(new PythonCallException(PythonCallException.Kind.WORKER_DIED,
                    "the Python interpreter stopped reading requests" + exitDetail(), null, null, null, null));
        }
        return reply;
    }

    /** Kills the process (a hung call, a redeploy, or close). */
    void kill() {
        exited = true;
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    long pid() {
        return process.pid();
    }
}
