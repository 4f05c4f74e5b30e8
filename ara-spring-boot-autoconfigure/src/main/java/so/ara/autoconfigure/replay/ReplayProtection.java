package so.ara.autoconfigure.replay;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;
import so.ara.auth.AuthOutcome;
import so.ara.auth.EndpointAuthenticators;
import so.ara.auth.RejectReason;

/**
 * The step after a successful signature check: claims the signed message id in the {@link ReplayStore} and turns a
 * second claim into {@link RejectReason#REPLAYED}. Keys are {@code <app>:<scope>:<scheme>:<message id>}, so apps
 * and endpoints sharing one store never collide. A store that fails or does not answer within the timeout ends in a
 * {@link ReplayStoreUnavailableException} (callers answer 503): a message is never accepted unclaimed.
 */
public final class ReplayProtection {

    private static final Log logger = LogFactory.getLog(ReplayProtection.class);

    private final ReplayStore store;

    private final String app;

    private final Duration timeout;

    public ReplayProtection(ReplayStore store, String app, Duration timeout) {
        this.store = store;
        this.app = (app == null || app.isBlank()) ? "app" : app;
        this.timeout = timeout;
    }

    /** In-memory protection with the default bound, for routes built without the auto-configuration. */
    public static ReplayProtection inMemory(String app, Clock clock, int maxEntries) {
        return new ReplayProtection(new InMemoryReplayStore(clock, maxEntries), app, Duration.ofSeconds(2));
    }

    /** In-memory protection sized {@value EndpointAuthenticators#DEFAULT_REPLAY_CACHE_SIZE}. */
    public static ReplayProtection inMemory(String app) {
        return inMemory(app, Clock.systemUTC(), EndpointAuthenticators.DEFAULT_REPLAY_CACHE_SIZE);
    }

    /**
     * The outcome after the claim: a rejection or an accepted request without a message id passes unchanged; an
     * accepted message id is claimed for {@code ttl} (see {@link EndpointAuthenticators#replayTtl}).
     * @param scope what the id belongs to, e.g. {@code endpoint:triage} or {@code callback}
     */
    public Mono<AuthOutcome> check(String scope, AuthOutcome outcome, Duration ttl) {
        if (!(outcome instanceof AuthOutcome.Accepted accepted) || accepted.messageId() == null) {
            return Mono.just(outcome);
        }
        String key = this.app + ":" + scope + ":" + accepted.scheme() + ":" + accepted.messageId();
        return Mono.defer(() -> this.store.claim(key, ttl))
            .timeout(this.timeout)
            .defaultIfEmpty(false)
            .onErrorMap(ex -> {
                logger.warn("Replay store " + this.store + " failed for a signed " + scope + " request: "
                        + ((ex instanceof TimeoutException) ? "no answer within " + this.timeout : ex.toString()));
                return new ReplayStoreUnavailableException(ex);
            })
            .map(claimed -> claimed ? outcome : AuthOutcome.reject(RejectReason.REPLAYED));
    }

    /** The store in use. */
    public ReplayStore store() {
        return this.store;
    }

    @Override
    public String toString() {
        return "ReplayProtection[" + this.store + ", timeout=" + this.timeout + "]";
    }
}
