package so.ara.autoconfigure.callback;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.reactivestreams.Publisher;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.core.ReactiveAdapter;
import org.springframework.core.ReactiveAdapterRegistry;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import so.ara.autoconfigure.replay.ReplayStoreUnavailableException;
import so.ara.manifest.DeclaredMethods;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import so.ara.gateway.EndpointBodyReader;

/**
 * Serves the callback routes: reads the body once (at most {@link #MAX_BODY_BYTES}), verifies Ara's signature over the
 * raw bytes, binds the JSON arguments and invokes the bean method through the bean (which may be a proxy). Blocking
 * methods run on {@link Schedulers#boundedElastic()}; reactive return types are subscribed to (multi-value ones
 * collected to a list). Answers {@code 200 {"result": ...}}, and every failure as RFC 9457 problem details.
 */
final class AraCallbackHandler {

    /** The largest accepted request body: 1 MiB. */
    static final int MAX_BODY_BYTES = 1024 * 1024;

    /** The one body reader (the endpoint gateway's); callbacks decode their JSON with their own binder. */
    private static final EndpointBodyReader BODIES = new EndpointBodyReader(MAX_BODY_BYTES, Integer.MAX_VALUE);

    private static final Log logger = LogFactory.getLog(AraCallbackHandler.class);

    private static final String UNAUTHORIZED_DETAIL = "The callback signature is missing, invalid or expired.";

    private final DeclaredMethods methods;

    private final BeanFactory beanFactory;

    private final CallbackSignatureVerifier verifier;

    private final JsonMapper mapper;

    private final ReactiveAdapterRegistry adapters = ReactiveAdapterRegistry.getSharedInstance();

    private final Map<Method, CallbackArguments> arguments = new ConcurrentHashMap<>();

    AraCallbackHandler(DeclaredMethods methods, BeanFactory beanFactory, CallbackSignatureVerifier verifier,
            JsonMapper mapper) {
        this.methods = methods;
        this.beanFactory = beanFactory;
        this.verifier = verifier;
        this.mapper = mapper;
    }

    Mono<ServerResponse> tool(ServerRequest request) {
        String toolId = request.pathVariable("toolId");
        return handle(request, () -> {
            DeclaredMethods.Target target = methods.tools().get(toolId);
            if (target == null) {
                throw new CallbackFailure(HttpStatus.NOT_FOUND, "Unknown tool", "No Java tool '" + toolId
                        + "' is declared in this app.");
            }
            return target;
        }, (target, body) -> {
            String owner = "tool '" + toolId + "'";
            if (!(body instanceof ObjectNode object)) {
                throw CallbackFailure.badRequest("The arguments of " + owner + " must be a JSON object");
            }
            return arguments(target.method(), owner).bind(object);
        }, "Tool failed", "Ara tool '" + toolId + "'");
    }

    Mono<ServerResponse> prompt(ServerRequest request) {
        String agentId = request.pathVariable("agentId");
        return handle(request, () -> {
            DeclaredMethods.Target target = methods.agents().get(agentId);
            if (target == null) {
                throw new CallbackFailure(HttpStatus.NOT_FOUND, "Unknown agent", "No Java prompt method for agent '"
                        + agentId + "' is declared in this app.");
            }
            return target;
        }, (target, body) -> {
            String owner = "agent '" + agentId + "'";
            if (!(body instanceof ObjectNode object)) {
                throw CallbackFailure.badRequest("The body for " + owner + " must be a JSON object {\"input\": ...}");
            }
            return new Object[] { arguments(target.method(), owner).bindSingle(object.get("input")) };
        }, "Prompt failed", "Ara prompt method of agent '" + agentId + "'");
    }

    Mono<ServerResponse> methodNotAllowed(ServerRequest request) {
        return problem(new CallbackFailure(HttpStatus.METHOD_NOT_ALLOWED, "Method Not Allowed",
                "Ara callbacks accept POST only."), request);
    }

    private interface Lookup {

        DeclaredMethods.Target find();
    }

    private interface Binder {

        Object[] bind(DeclaredMethods.Target target, JsonNode body);
    }

    private Mono<ServerResponse> handle(ServerRequest request, Lookup lookup, Binder binder,
            String failureTitle, String logLabel) {
        long declaredLength = request.headers().contentLength().orElse(-1);
        if (declaredLength > MAX_BODY_BYTES) {
            return problem(tooLarge(), request);
        }
        return readBody(request).flatMap(body -> verifier.verify(request.headers().asHttpHeaders(), body)
            .onErrorMap(ReplayStoreUnavailableException.class, ex -> new CallbackFailure(
                    HttpStatus.SERVICE_UNAVAILABLE, "Service Unavailable", ReplayStoreUnavailableException.PUBLIC_DETAIL))
            .flatMap(verified -> {
                if (!verified) {
                    throw new CallbackFailure(HttpStatus.UNAUTHORIZED, "Unauthorized", UNAUTHORIZED_DETAIL);
                }
                DeclaredMethods.Target target = lookup.find();
                JsonNode json;
                try {
                    json = body.length == 0 ? null : mapper.readTree(body);
                }
                catch (JacksonException ex) {
                    throw CallbackFailure.badRequest("The callback body is not valid JSON");
                }
                Object[] args = binder.bind(target, json);
                return invoke(target, args, failureTitle, logLabel);
            }))
            .flatMap(result -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON)
                .bodyValue(resultBytes(result.orElse(null), failureTitle, logLabel)))
            .onErrorResume(CallbackFailure.class, failure -> problem(failure, request))
            .onErrorResume(ex -> !(ex instanceof CallbackFailure), ex -> {
                logger.warn(logLabel + ": the callback could not be handled", ex);
                return problem(new CallbackFailure(HttpStatus.INTERNAL_SERVER_ERROR, "Internal Server Error",
                        "The callback could not be handled."), request);
            });
    }

    private Mono<byte[]> readBody(ServerRequest request) {
        return BODIES.read(request).onErrorMap(EndpointBodyReader.BodyException.class, ex -> tooLarge());
    }

    private static CallbackFailure tooLarge() {
        return new CallbackFailure(HttpStatus.CONTENT_TOO_LARGE, "Content Too Large",
                "The callback body is larger than " + MAX_BODY_BYTES + " bytes.");
    }

    private CallbackArguments arguments(Method method, String owner) {
        return arguments.computeIfAbsent(method, m -> new CallbackArguments(owner, m, mapper));
    }

    /** Invokes the method through the bean; the result (null for void or empty) wrapped in an Optional. */
    private Mono<Optional<Object>> invoke(DeclaredMethods.Target target, Object[] args, String failureTitle,
            String logLabel) {
        Method declared = target.method();
        ReactiveAdapter adapter = adapters.getAdapter(declared.getReturnType());
        Mono<Object> result;
        if (adapter != null) {
            result = Mono.defer(() -> {
                Object returned;
                try {
                    returned = call(target, args);
                }
                catch (Exception ex) {
                    return Mono.error(ex);
                }
                if (returned == null) {
                    return Mono.empty();
                }
                Publisher<Object> publisher = adapter.toPublisher(returned);
                if (adapter.isNoValue()) {
                    return Mono.from(publisher).then(Mono.empty());
                }
                return adapter.isMultiValue() ? Flux.from(publisher).collectList().map(list -> (Object) list)
                        : Mono.from(publisher);
            });
        }
        else {
            result = Mono.fromCallable(() -> call(target, args)).subscribeOn(Schedulers.boundedElastic());
        }
        return result.map(Optional::of)
            .defaultIfEmpty(Optional.empty())
            .onErrorMap(thrown -> !(thrown instanceof CallbackFailure), thrown -> {
                Throwable ex = (thrown instanceof UndeclaredThrowableException undeclared
                        && undeclared.getUndeclaredThrowable() != null) ? undeclared.getUndeclaredThrowable() : thrown;
                logger.warn(logLabel + " failed", ex);
                String message = ex.getMessage();
                return new CallbackFailure(HttpStatus.INTERNAL_SERVER_ERROR, failureTitle,
                        ex.getClass().getSimpleName() + (message == null ? "" : ": " + message));
            });
    }

    private Object call(DeclaredMethods.Target target, Object[] args) throws Exception {
        Object bean = beanFactory.getBean(target.beanName());
        Method invocable = AopUtils.selectInvocableMethod(target.method(), bean.getClass());
        ReflectionUtils.makeAccessible(invocable);
        try {
            return invocable.invoke(bean, args);
        }
        catch (InvocationTargetException ex) {
            Throwable thrown = ex.getTargetException();
            if (thrown instanceof Error error) {
                throw error;
            }
            throw (Exception) thrown;
        }
    }

    private byte[] resultBytes(Object result, String failureTitle, String logLabel) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("result", result);
        try {
            return mapper.writeValueAsBytes(body);
        }
        catch (JacksonException ex) {
            logger.warn(logLabel + " returned a value that cannot be written as JSON", ex);
            throw new CallbackFailure(HttpStatus.INTERNAL_SERVER_ERROR, failureTitle,
                    "The result cannot be written as JSON: " + ex.getClass().getSimpleName());
        }
    }

    private Mono<ServerResponse> problem(CallbackFailure failure, ServerRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(failure.status(), failure.getMessage());
        problem.setTitle(failure.title());
        problem.setInstance(request.uri().getRawPath() == null ? null : java.net.URI.create(request.uri().getRawPath()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType() == null ? "about:blank" : problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (problem.getInstance() != null) {
            body.put("instance", problem.getInstance().toString());
        }
        ServerResponse.BodyBuilder builder = ServerResponse.status(failure.status())
            .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (failure.status() == HttpStatus.METHOD_NOT_ALLOWED) {
            builder.allow(HttpMethod.POST);
        }
        if (failure.status() == HttpStatus.UNAUTHORIZED) {
            builder.header(HttpHeaders.WWW_AUTHENTICATE, "Ara-Signature");
        }
        if (failure.status() == HttpStatus.SERVICE_UNAVAILABLE) {
            builder.header(HttpHeaders.RETRY_AFTER, "1");
        }
        return builder.bodyValue(mapper.writeValueAsBytes(body));
    }
}
