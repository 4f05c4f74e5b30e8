package so.ara.gateway;

import java.util.Map;

import org.springframework.http.codec.ServerSentEvent;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs an agent for an endpoint call. The {@code input} is the run input:
 * {@code {"input": <decoded body>, "gateway": {...}}} (see {@link EndpointGatewayInput}).
 * <p>
 * Failures: a connection problem (e.g. {@link java.net.ConnectException}, unknown host, timeout anywhere in the
 * cause chain) becomes a 503 problem; an {@link EndpointForwardingException} chooses its own status and public
 * detail; anything else becomes a 502 problem. Exception messages are never sent to the caller.
 */
public interface EndpointRunForwarder {

    /** Runs the agent synchronously and returns the run id and its JSON result. */
    Mono<ForwardedRun> run(String agentId, Map<String, Object> input);

    /** Runs the agent and streams its events; used when the caller sends {@code Accept: text/event-stream}. */
    Flux<ServerSentEvent<?>> stream(String agentId, Map<String, Object> input);
}
