package so.ara.benchmarks.cli;

import java.time.Duration;
import java.util.Map;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import so.ara.client.AraClient;
import so.ara.client.RunRequest;
import so.ara.client.RuntimeAuth;

/**
 * Starts a run every {@code period} while open, so a freshly connected log tail (logs are live, without backfill)
 * gets its first row within one period of connecting, for either CLI alike.
 */
final class RunTrigger implements AutoCloseable {

    private final Disposable loop;

    RunTrigger(AraClient client, String agent, String runtimeKey, Duration period) {
        this.loop = Flux.interval(period)
                .concatMap(i -> client.run(RunRequest.of(agent, Map.of("message", "tick " + i))
                        .withAuth(RuntimeAuth.runtimeKey(runtimeKey))).onErrorResume(ex -> reactor.core.publisher.Mono.empty()))
                .subscribe();
    }

    @Override
    public void close() {
        this.loop.dispose();
    }
}
