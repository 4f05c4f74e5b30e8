package so.ara.local;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import so.ara.gateway.EndpointForwardingException;
import so.ara.gateway.EndpointRunForwarder;
import so.ara.gateway.ForwardedRun;

/** Runs on this ara-local: the body never chooses tools; a failed run is a 502 carrying its id and error. */
final class LocalEndpointRuns implements EndpointRunForwarder {

    private final RunEngine engine;
    private final LocalApp app;

    LocalEndpointRuns(RunEngine engine, LocalApp app) {
        this.engine = engine;
        this.app = app;
    }

    @Override
    public Mono<ForwardedRun> run(String agentId, Map<String, Object> input) {
        Run run;
        try {
            run = engine.create(app, agentId, input, "sync", false, null, null, null);
        }
        catch (ApiException refused) {
            return Mono.error(new EndpointForwardingException(HttpStatus.valueOf(refused.status),
                    refused.getMessage()));
        }
        run.untrustedInput(); // an endpoint request body never chooses tools
        return engine.execute(app, run).flatMap(done -> "failed".equals(done.status())
                ? Mono.error(EndpointForwardingException.failedRun(done.runId, error(done)))
                : Mono.just(new ForwardedRun(done.runId, RunHandler.runAnswer(done))));
    }

    @Override
    public Flux<ServerSentEvent<?>> stream(String agentId, Map<String, Object> input) {
        return Flux.error(new EndpointForwardingException(HttpStatus.NOT_ACCEPTABLE,
                "ara-local's endpoint gateway answers application/json; follow the run's events at "
                        + "/v1/apps/{id}/logs/stream."));
    }

    private static String error(Run run) {
        Object error = run.toMap().get("error");
        return error instanceof Map<?, ?> m && m.get("message") != null ? m.get("message").toString() : null;
    }
}
