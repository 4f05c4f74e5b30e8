package so.ara.local.python;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * The warm interpreters of one app: at most {@code size} live workers, started on demand and reused; callers
 * beyond that wait in a FIFO queue of at most {@code maxQueued}. A worker released as not reusable (its call timed
 * out or was cancelled) is killed and its slot freed. Closing kills idle workers now and busy ones on release.
 */
final class WorkerPool {

    private static final class Waiter {
        final MonoSink<PythonWorker> sink;
        final AtomicBoolean settled = new AtomicBoolean();

        Waiter(MonoSink<PythonWorker> sink) {
            this.sink = sink;
        }
    }

    final String fingerprint;
    private final Supplier<PythonWorker> factory;
    private final int size;
    private final int maxQueued;
    private final ArrayDeque<PythonWorker> idle = new ArrayDeque<>();
    private final ArrayDeque<Waiter> waiting = new ArrayDeque<>();
    private final Runnable onClosed;
    private int live;
    private boolean closed;

    WorkerPool(String fingerprint, Supplier<PythonWorker> factory, int size, int maxQueued, Runnable onClosed) {
        this.fingerprint = fingerprint;
        this.factory = factory;
        this.size = size;
        this.maxQueued = maxQueued;
        this.onClosed = onClosed;
    }

    /** A worker for one call; blocks only to start a process. */
    Mono<PythonWorker> acquire() {
        return Mono.create(sink -> {
            PythonWorker ready = null;
            synchronized (this) {
                if (closed) {
                    sink.error(new PythonCallException(PythonCallException.Kind.WORKER_DIED,
                            "the app's interpreters were replaced; retry the call", null, null, null, null));
                    return;
                }
                while (ready == null && !idle.isEmpty()) {
                    PythonWorker w = idle.pollLast();
                    if (w.alive()) {
                        ready = w;
                    } else {
                        live--;
                    }
                }
                if (ready == null) {
                    if (live >= size) {
                        if (waiting.size() >= maxQueued) {
                            sink.error(new PythonCallException(PythonCallException.Kind.BUSY, "more than " + maxQueued
                                    + " Python calls wait for an interpreter of this app; retry later", null, null,
                                    null, null));
                            return;
                        }
                        Waiter waiter = new Waiter(sink);
                        waiting.addLast(waiter);
                        sink.onCancel(() -> {
                            if (waiter.settled.compareAndSet(false, true)) {
                                synchronized (this) {
                                    waiting.remove(waiter);
                                }
                            }
                        });
                        return;
                    }
                    live++;
                }
            }
            if (ready != null) {
                sink.success(ready);
            } else {
                sink.success(spawn());
            }
        });
    }

    private PythonWorker spawn() {
        try {
            return factory.get();
        } catch (RuntimeException e) {
            synchronized (this) {
                live--;
            }
            throw e;
        }
    }

    /** Returns a worker after a call; {@code reusable} false kills it (timeout, cancel, crash). */
    void release(PythonWorker worker, boolean reusable) {
        boolean keep = reusable && worker.alive();
        if (!keep) {
            worker.kill();
        }
        while (true) {
            Waiter next;
            boolean replace;
            synchronized (this) {
                if (closed) {
                    if (keep) {
                        worker.kill();
                    }
                    live--;
                    boolean last = live == 0;
                    if (last) {
                        onClosed.run();
                    }
                    return;
                }
                next = waiting.pollFirst();
                if (next == null) {
                    if (keep) {
                        idle.addLast(worker);
                    } else {
                        live--;
                    }
                    return;
                }
                replace = !keep;
            }
            if (!next.settled.compareAndSet(false, true)) {
                continue; // that waiter was cancelled meanwhile; offer the slot to the next one
            }
            if (!replace) {
                next.sink.success(worker);
                return;
            }
            try {
                next.sink.success(factory.get());
            } catch (RuntimeException e) {
                synchronized (this) {
                    live--;
                }
                next.sink.error(e);
            }
            return;
        }
    }

    /** Kills idle workers; busy ones die on release. Queued callers fail. */
    void close() {
        List<PythonWorker> toKill;
        List<Waiter> toFail;
        boolean last;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            toKill = new ArrayList<>(idle);
            live -= idle.size();
            idle.clear();
            toFail = new ArrayList<>(waiting);
            waiting.clear();
            last = live == 0;
        }
        toKill.forEach(PythonWorker::kill);
        for (Waiter w : toFail) {
            if (w.settled.compareAndSet(false, true)) {
                w.sink.error(new PythonCallException(PythonCallException.Kind.WORKER_DIED,
                        "the app's interpreters were closed", null, null, null, null));
            }
        }
        if (last) {
            onClosed.run();
        }
    }

    synchronized int liveWorkers() {
        return live;
    }
}
