package so.ara.local;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import org.springframework.http.codec.json.JacksonJsonEncoder;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.web.reactive.function.server.HandlerStrategies;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import so.ara.json.AraJson;
import so.ara.local.python.PythonRuntime;
import so.ara.local.console.Console;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import so.ara.gateway.DefaultEndpointProblemMapper;
import so.ara.gateway.EndpointBodyReader;
import so.ara.gateway.EndpointGateway;
import so.ara.gateway.EndpointGatewayInput;

/**
 * An Ara-compatible control plane and local runtime on Reactor Netty, without a Spring ApplicationContext
 * (functional WebFlux routes turned into an {@link HttpHandler}), so it can be embedded in any app.
 *
 * <pre>{@code
 * try (AraLocalServer server = AraLocalServer.start(AraLocalSettings.defaults())) {
 *     String base = server.baseUrl();   // http://127.0.0.1:<port>
 *     String key = server.apiKey();     // control-plane bearer
 * }
 * }</pre>
 */
public final class AraLocalServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AraLocalServer.class);

    private final AraLocalSettings settings;
    private final LocalStore store;
    private final LogHub logs;
    private final LocalScheduler scheduler;
    private final RunEngine engine;
    private final LocalHttpClient http;
    private final PythonRuntime python;
    private final DisposableServer server;
    private final Disposable ticker;
    private final Console console;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    private AraLocalServer(AraLocalSettings settings) {
        this.settings = settings;
        this.store = new LocalStore(settings);
        this.logs = new LogHub(settings.limits().maxLogRowsPerApp(), settings.limits().maxLogBytes(),
                settings.limits().subscriberBuffer(), settings.heartbeatInterval(), settings.clock(),
                LogRowStore.of(store.file()));
        for (Run run : store.interrupted()) {
            logs.publish(run.appId, run.runId, "run.failed", LocalStore.RESTARTED,
                    Json.obj("agent_id", run.agentId, "status", "failed", "error", LocalStore.RESTARTED));
        }
        store.commit();
        this.http = new LocalHttpClient();
        this.python = new PythonRuntime(settings.python());
        PythonExecution bridge = new PythonExecution(python, logs);
        AgentModel model = settings.model().isOpenAiCompatible()
                ? new OpenAiCompatibleModel(http, settings.model(), settings.callbackTimeout().multipliedBy(4))
                : new BuiltinModel();
        this.engine = new RunEngine(store, logs, bridge, bridge, model, http, settings);
        this.scheduler = new LocalScheduler(settings.clock());
        this.scheduler.firing(this::fire);
        String[] base = new String[1];
        RouterFunction<ServerResponse> routes = routes(bridge, model, () -> base[0]);
        HandlerStrategies strategies = HandlerStrategies.builder().codecs(c -> {
            c.defaultCodecs().jacksonJsonEncoder(new JacksonJsonEncoder(AraJson.mapper()));
            c.defaultCodecs().jacksonJsonDecoder(new JacksonJsonDecoder(AraJson.mapper()));
            c.defaultCodecs().maxInMemorySize(settings.limits().maxBodyBytes());
        }).build();
        this.console = new Console(new ConsoleDataAdapter(store, logs, engine, scheduler, this::fire, () -> base[0]),
                settings.limits().maxBodyBytes(), settings.heartbeatInterval());
        HttpHandler handler = RouterFunctions.toHttpHandler(console.router().and(routes), strategies);
        try {
            this.server = HttpServer.create().host(settings.host()).port(settings.port())
                    .handle(new ReactorHttpHandlerAdapter(handler)).bindNow(Duration.ofSeconds(20));
        } catch (RuntimeException e) {
            http.close();
            python.close();
            store.close();
            throw new IllegalStateException("ara-local cannot listen on " + settings.host() + ":" + settings.port()
                    + " (" + e.getMessage() + ")", e);
        }
        base[0] = "http://" + hostForUrl(settings.host()) + ":" + server.port();
        for (LocalApp app : store.apps()) {
            scheduler.registerManifest(app);
        }
        restoreAutomations();
        Duration tick = settings.scheduleTick();
        this.ticker = tick == null ? null : Flux.interval(tick, tick, Schedulers.parallel())
                .onBackpressureDrop()
                .concatMap(i -> Mono.fromRunnable(() -> scheduler.tick().forEach(Mono::subscribe))
                        .onErrorResume(e -> Mono.empty()))
                .subscribe();
    }

    private RouterFunction<ServerResponse> routes(ToolInvoker bridge, AgentModel model, Supplier<String> baseUrl) {
        EndpointBodyReader bodies = new EndpointBodyReader(settings.limits().maxBodyBytes(), Json.MAX_DEPTH);
        EndpointGateway gateway = new EndpointGateway(bodies, new DefaultEndpointProblemMapper(),
                EndpointGatewayInput.DEFAULT_FORWARDED_HEADERS);
        return LocalRouter.routes(new LocalRouter.Parts(
                new AccountHandler(store, baseUrl),
                new AppHandler(store, scheduler, bodies),
                new KeyHandler(store, bodies),
                new SecretHandler(store, bodies),
                new SetupHandler(store, bodies, baseUrl),
                new RunHandler(store, engine, bodies),
                new EventHandler(store, logs, engine, bodies),
                new LogStreamHandler(logs),
                new GatewayHandler(store, engine, gateway, new EndpointAuthVerifier(settings.clock())),
                new SessionHandler(store, bodies),
                new RuntimeToolsHandler(store, bridge, new AutomationTool(store, scheduler), bodies),
                new ChatHandler(store, bridge, model, bodies),
                new HostedOnlyHandler(),
                new ControlPlaneAuthFilter(store::apiKey),
                new RuntimeAuthFilter(store),
                new RateLimitFilter(settings.clock()),
                new ProblemFilter()));
    }

    private static String hostForUrl(String host) {
        if ("0.0.0.0".equals(host)) {
            return "127.0.0.1";
        }
        return host.contains(":") ? "[" + host + "]" : host;
    }

    /** Starts a server with the given settings; binds before returning. */
    public static AraLocalServer start(AraLocalSettings settings) {
        return new AraLocalServer(settings == null ? AraLocalSettings.defaults() : settings);
    }

    public String baseUrl() {
        return "http://" + hostForUrl(settings.host()) + ":" + server.port();
    }

    /** The local console with its access token: {@code <baseUrl>/console?token=...}. */
    public String consoleUrl() {
        return console.url(baseUrl());
    }

    public int port() {
        return server.port();
    }

    /** The current control-plane bearer key (changes after {@code POST /apps/api-key/rotate}). */
    public String apiKey() {
        return store.apiKey();
    }

    public AraLocalSettings settings() {
        return settings;
    }

    /** Fires the schedules that are due at the settings' clock time; returns the runs they started, finished. */
    List<Run> tickSchedules() {
        return Flux.concat(scheduler.tick()).collectList().block(Duration.ofSeconds(30));
    }

    LocalStore store() {
        return store;
    }

    LogHub logs() {
        return logs;
    }

    PythonRuntime python() {
        return python;
    }

    LocalScheduler scheduler() {
        return scheduler;
    }

    private Mono<Run> fire(LocalScheduler.Entry entry) {
        return Mono.defer(() -> {
            LocalApp app = store.app(entry.appId);
            Map<String, Object> run = entry.run;
            boolean tool = "tool".equals(run.get("type"));
            String agentId = tool ? null : Json.str(run, "agent_id");
            Object input = tool ? Json.obj("schedule_id", entry.id) : run.get("input") == null ? Json.obj()
                    : Json.copy(run.get("input"));
            Run created = engine.create(app, agentId, input, "schedule", false, null, null, null);
            logs.publish(app.id, created.runId, "schedule.fired", "Schedule " + entry.id + " fired",
                    Json.obj("schedule_id", entry.id, "kind", entry.kind, "source", entry.source, "run", run));
            if (tool) {
                String name = Json.str(run, "tool_name") != null ? Json.str(run, "tool_name") : Json.str(run, "tool");
                Map<String, Object> args = Json.map(run, "args");
                return engine.executeToolRun(app, created, name, args == null ? Json.obj() : Json.copy(args));
            }
            return engine.execute(app, created);
        }).onErrorResume(e -> {
            log.warn("ara-local schedule {} of app {} could not start: {}", entry.id, entry.appId, e.getMessage());
            return Mono.empty();
        });
    }

    /** Stored automation jobs come back; one that no longer parses is skipped with a warning, never fatal. */
    private void restoreAutomations() {
        for (LocalStore.Automation job : store.automations()) {
            try {
                scheduler.addAutomation(LocalScheduler.entry(job.appId(), "automation", job.spec(), job.run()), true);
            } catch (RuntimeException e) {
                log.warn("ara-local skips a stored automation of app {}: {}", job.appId(), e.getMessage());
            }
        }
    }

    /** How long {@link #close()} lets runs in flight finish before it marks them failed. */
    static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);

    /**
     * Stops in order: no new requests or schedule firings; requests in flight are answered and runs in flight get
     * {@link #SHUTDOWN_GRACE} to finish; the rest are marked failed with a reason and a {@code run.failed} row (as
     * a restart would mark them); then the runtimes stop and the store commits and closes.
     */
    @Override
    public void close() {
        close(SHUTDOWN_GRACE);
    }

    void close(Duration grace) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (ticker != null) {
            ticker.dispose();
        }
        logs.close(); // open log streams end first, so they do not hold the server's graceful stop
        server.disposeNow(Duration.ofSeconds(5));
        try {
            store.awaitIdleRuns(grace.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Run> stopped = store.stopRuns();
        for (Run run : stopped) {
            logs.publish(run.appId, run.runId, "run.failed", LocalStore.STOPPED,
                    Json.obj("agent_id", run.agentId, "status", "failed", "error", LocalStore.STOPPED));
        }
        if (!stopped.isEmpty()) {
            log.info("ara-local stopped with {} run(s) in flight: marked failed ({})", stopped.size(),
                    LocalStore.STOPPED);
        }
        logs.detachStore();
        store.commit();
        python.close();
        http.close();
        store.close();
    }

    /** Stops as kill -9 would for the store (tests): nothing after the last commit is written. */
    void crash() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (ticker != null) {
            ticker.dispose();
        }
        logs.detachStore();
        store.closeAsCrash();
        logs.close();
        server.disposeNow(Duration.ofSeconds(5));
        python.close();
        http.close();
    }
}
