package so.ara.gateway;

import reactor.core.publisher.Mono;
import so.ara.auth.AuthOutcome;

/**
 * The step after a successful signature check that claims the signed message id, so a replay is refused (the
 * starter's replay store, shared by replicas when it is Redis). An {@link EndpointForwardingException} error chooses
 * the problem, e.g. 503 with {@code Retry-After} when the store cannot answer.
 */
@FunctionalInterface
public interface ReplayGuard {

    /** {@code verified} unchanged, or rejected as replayed. */
    Mono<AuthOutcome> check(String label, AuthOutcome verified);
}
