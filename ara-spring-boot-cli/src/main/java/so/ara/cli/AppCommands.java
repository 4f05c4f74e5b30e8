package so.ara.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import reactor.core.Disposable;

import so.ara.client.AppSetup;
import so.ara.client.AraClient;
import so.ara.client.AsyncRunRequest;
import so.ara.client.DeployOptions;
import so.ara.client.DeployResult;
import so.ara.client.EventRequest;
import so.ara.client.EventResponse;
import so.ara.client.InviteResponse;
import so.ara.client.LogEvent;
import so.ara.client.LogStreamOptions;
import so.ara.client.RunCallback;
import so.ara.client.RunRequest;
import so.ara.client.RunResponse;
import so.ara.client.RuntimeAuth;
import so.ara.client.SetupAuthOptions;
import so.ara.client.SetupAuthResult;

/** The app commands of docs/ara-reference.md §7.2, run against this application's manifest. */
final class AppCommands {

    private AppCommands() {
    }

    static boolean notFalse(String value) {
        return !"false".equalsIgnoreCase(value == null ? "" : value.strip());
    }

    static boolean isTrue(String value) {
        return "true".equalsIgnoreCase(value == null ? "" : value.strip());
    }

    @Command(name = "deploy", aliases = "up", mixinStandardHelpOptions = true,
            description = "Deploy this app's manifest: create or update the app, sync secrets, mint a runtime key, "
                    + "optionally warm it up. Prints {ok, slug, runtime_key_created, runtime_key, warmup_run_id}.")
    static class Deploy implements Callable<Integer> {

        @Option(names = "--activate", defaultValue = "true", paramLabel = "<true|false>",
                description = "Activate the app (anything but \"false\" is true; default: ${DEFAULT-VALUE}).")
        String activate;

        @Option(names = "--key-name", defaultValue = "", paramLabel = "<name>",
                description = "Name of the minted runtime key (default: <slug>-py-local).")
        String keyName;

        @Option(names = "--rpm", defaultValue = "60", paramLabel = "<n>",
                description = "Requests per minute of the runtime key (default: ${DEFAULT-VALUE}).")
        int rpm;

        @Option(names = "--warm", defaultValue = "false", paramLabel = "<true|false>",
                description = "Start a warm-up run after deploy (only \"true\" is true; default: ${DEFAULT-VALUE}).")
        String warm;

        @Option(names = "--warm-agent", defaultValue = "", paramLabel = "<agent>",
                description = "Agent of the warm-up run (default agent when empty).")
        String warmAgent;

        @Option(names = "--on-existing", defaultValue = "update", paramLabel = "<update|error>",
                description = "When the app exists: update it or fail (default: ${DEFAULT-VALUE}).")
        String onExisting;

        @Spec
        CommandSpec spec;

        private final AraCliContext cli;

        Deploy(AraCliContext cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            String mode = this.onExisting.strip().toLowerCase(Locale.ROOT);
            if (!mode.equals("update") && !mode.equals("error")) {
                throw new ParameterException(this.spec.commandLine(), "argument --on-existing: invalid choice: '"
                        + this.onExisting + "' (choose from 'update', 'error')");
            }
            AraClient client = this.cli.deployClient();
            boolean warmup = isTrue(this.warm);
            DeployOptions options = DeployOptions.defaults().withActivate(notFalse(this.activate))
                    .withKey(CliInputs.blankToNull(this.keyName), this.rpm)
                    .withWarm(warmup, CliInputs.blankToNull(this.warmAgent)).withOnExisting(mode)
                    .withSecrets(this.cli.deploySecrets());
            this.cli.io().progress("Deploying '" + client.slug() + "' to " + client.credentials().apiBaseUrl()
                    + (warmup ? " (with warm-up run)" : "") + " ...");
            DeployResult result = this.cli.await(client.deploy(options));
            if (result.runtimeKey() != null && !result.runtimeKey().isBlank()) {
                this.cli.runtimeKeys().put(result.slug(), result.runtimeKey(), this.cli.io());
            }
            this.cli.io().progress("Deployed '" + result.slug() + "' (" + result.appId() + ").");
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("ok", true);
            out.put("slug", result.slug());
            out.put("runtime_key_created", result.runtimeKeyCreated());
            out.put("runtime_key", result.runtimeKey());
            out.put("warmup_run_id", result.warmupRunId());
            this.cli.print(out);
            return 0;
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Run an agent synchronously (POST /v1/apps/{id}/run) and print the response. Exits with 1 "
                    + "(the run's error on stderr) when the run failed.")
    static class Run implements Callable<Integer> {

        @Mixin
        RunInputOptions run;

        @Mixin
        RuntimeKeyOptions keys;

        private final AraCliContext cli;

        Run(AraCliContext cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            Map<String, Object> payload = this.run.payload();
            AraClient client = this.cli.client();
            RunResponse response = this.cli.withRuntimeKey(client, this.keys.auth(),
                    auth -> client.run(RunRequest.of(this.run.agent(), payload).withAuth(auth)));
            this.cli.print(response.raw());
            if ("failed".equals(response.status())) {
                this.cli.io().err().println(RunFailure.describe(response));
                this.cli.io().err().flush();
                return 1;
            }
            return 0;
        }
    }

    @Command(name = "run-async", mixinStandardHelpOptions = true,
            description = "Start an asynchronous run (POST /v1/apps/{id}/runs), poll or webhook, and print the response.")
    static class RunAsync implements Callable<Integer> {

        @Mixin
        RunInputOptions run;

        @Option(names = "--response-mode", defaultValue = "poll", paramLabel = "<poll|webhook>",
                description = "poll or webhook (default: ${DEFAULT-VALUE}).")
        String responseMode;

        @Option(names = "--callback-url", paramLabel = "<url>", description = "Webhook URL (required for webhook).")
        String callbackUrl;

        @Option(names = "--callback-secret", defaultValue = "", paramLabel = "<secret>",
                description = "Webhook signing secret.")
        String callbackSecret;

        @Option(names = "--callback-event", paramLabel = "<event>",
                description = "Callback event (repeatable; default: run.completed, run.failed).")
        List<String> callbackEvents = new ArrayList<>();

        @Option(names = "--run-id", paramLabel = "<id>", description = "Run id (default: a new one).")
        String runId;

        @Option(names = "--idempotency-key", paramLabel = "<key>",
                description = "Idempotency key (default: run-<slugify(run id)>).")
        String idempotencyKey;

        @Mixin
        RuntimeKeyOptions keys;

        @Spec
        CommandSpec spec;

        private final AraCliContext cli;

        RunAsync(AraCliContext cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            String mode = this.responseMode.strip().toLowerCase(Locale.ROOT);
            if (!mode.equals("poll") && !mode.equals("webhook")) {
                throw new ParameterException(this.spec.commandLine(), "argument --response-mode: invalid choice: '"
                        + this.responseMode + "' (choose from 'poll', 'webhook')");
            }
            String url = CliInputs.blankToNull(this.callbackUrl);
            if (mode.equals("webhook") && url == null) {
                throw new CliException("run-async with --response-mode webhook requires --callback-url");
            }
            Map<String, Object> payload = this.run.payload();
            RunCallback callback = url == null ? null : new RunCallback(url, this.callbackSecret,
                    this.callbackEvents.isEmpty() ? RunCallback.DEFAULT_EVENTS : this.callbackEvents);
            AraClient client = this.cli.client();
            this.cli.io().progress("Starting run ...");
            RunResponse response = this.cli.withRuntimeKey(client, this.keys.auth(),
                    auth -> client.runAsync(new AsyncRunRequest(this.run.agent(), payload, mode, callback,
                            CliInputs.blankToNull(this.runId), CliInputs.blankToNull(this.idempotencyKey), false,
                            auth)));
            this.cli.print(response.raw());
            return 0;
        }
    }

    @Command(name = "run-status", mixinStandardHelpOptions = true,
            description = "Print the status of a run (GET /v1/apps/{id}/runs/{run_id}).")
    static class RunStatus implements Callable<Integer> {

        @Option(names = "--run-id", paramLabel = "<id>", description = "The run id (required).")
        String runId;

        @Mixin
        RuntimeKeyOptions keys;

        @Spec
        CommandSpec spec;

        private final AraCliContext cli;

        RunStatus(AraCliContext cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            if (CliInputs.blankToNull(this.runId) == null) {
                throw new ParameterException(this.spec.commandLine(), "run-status requires --run-id");
            }
            AraClient client = this.cli.client();
            RunResponse response = this.cli.withRuntimeKey(client, this.keys.auth(),
                    auth -> client.runStatus(this.runId.strip(), auth));
            this.cli.print(response.raw());
            return 0;
        }
    }

    @Command(name = "events", mixinStandardHelpOptions = true,
            description = "Send an event (POST /v1/apps/{id}/events with X-Idempotency-Key) and print the response.")
    static class Events implements Callable<Integer> {

        @Option(names = "--agent", paramLabel = "<agent>", description = "Agent id.")
        String agent;

        @Option(names = "--event-type", defaultValue = "webhook.message.received", paramLabel = "<type>",
                description = "Event type (default: ${DEFAULT-VALUE}).")
        String eventType;

        @Option(names = "--channel", defaultValue = "webhook", paramLabel = "<channel>",
                description = "Channel (default: ${DEFAULT-VALUE}).")
        String channel;

        @Option(names = "--source", defaultValue = "webhook", paramLabel = "<source>",
                description = "Source (default: ${DEFAULT-VALUE}).")
        String source;

        @Option(names = "--message", defaultValue = "", paramLabel = "<text>", description = "Message.")
        String message;

        @Option(names = "--input", paramLabel = "<key=value>", description = "Payload value (repeatable).")
        List<String> input = new ArrayList<>();

        @Option(names = "--metadata", paramLabel = "<key=value>", description = "Metadata value (repeatable).")
        List<String> metadata = new ArrayList<>();

        @Option(names = "--idempotency-key", paramLabel = "<key>",
                description = "Idempotency key (default: <slugify(event type)>-<slugify(new run id)>).")
        String idempotencyKey;

        @Mixin
        RuntimeKeyOptions keys;

        private final AraCliContext cli;

        Events(AraCliContext cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            AraClient client = this.cli.client();
            EventResponse response = this.cli.withRuntimeKey(client, this.keys.auth(),
                    auth -> client.sendEvent(new EventRequest(CliInputs.blankToNull(this.agent), this.eventType,
                            this.channel, this.source, this.message, CliInputs.pairs(this.input),
                            CliInputs.pairs(this.metadata), CliInputs.blankToNull(this.idempotencyKey), auth)));
            this.cli.print(response.raw());
            return 0;
        }
    }

    @Command(name = "logs", mixinStandardHelpOptions = true,
            description = "Stream the app's live logs, one line per event: "
                    + "<timestamp> <LEVEL> run=<run_id> event=<event_type> <message>. Runs until interrupted (Ctrl-C).")
    static class Logs implements Callable<Integer> {

        @Option(names = "--log-file", paramLabel = "<path>", description = "Also append each line to this file.")
        Path logFile;

        @Mixin
        RuntimeKeyOptions keys;

        private final AraCliContext cli;

        Logs(AraCliContext cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            AraClient client = this.cli.client();
            RuntimeAuth auth = this.cli.runtimeAuth(client, this.keys.auth());
            CountDownLatch done = new CountDownLatch(1);
            AtomicReference<Throwable> failure = new AtomicReference<>();
            AtomicBoolean remembered = new AtomicBoolean();
            Disposable subscription = client.logs(LogStreamOptions.defaults().withAuth(auth))
                    .subscribe(event -> {
                        // a key minted for this stream is kept for the next command once the stream is up
                        if (remembered.compareAndSet(false, true)) {
                            this.cli.rememberMintedKey(client);
                        }
                        print(event);
                    }, error -> {
                        failure.set(error);
                        done.countDown();
                    }, done::countDown);
            try {
                done.await();
            }
            catch (InterruptedException ex) {
                // interrupted (Ctrl-C or a cancelling caller): stop quietly
                subscription.dispose();
                return 0;
            }
            if (failure.get() != null) {
                Throwable error = failure.get();
                throw error instanceof RuntimeException runtime ? runtime
                        : new CliException(String.valueOf(error.getMessage()), error);
            }
            return 0;
        }

        private void print(LogEvent event) {
            String line = event.format();
            this.cli.io().out().println(line);
            this.cli.io().out().flush();
            if (this.logFile != null) {
                try {
                    Files.writeString(this.logFile, line + System.lineSeparator(), StandardCharsets.UTF_8,
                            StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                }
                catch (IOException ex) {
                    this.cli.io().err().println("Warning: could not write " + this.logFile + ": " + ex.getMessage());
                }
            }
        }
    }

    @Command(name = "setup", mixinStandardHelpOptions = true,
            description = "Print the app's setup information (GET /apps/{id}/setup).")
    static class Setup implements Callable<Integer> {

        private final AraCliContext cli;

        Setup(AraCliContext cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            AppSetup setup = this.cli.await(this.cli.client().setup());
            this.cli.print(setup.raw());
            return 0;
        }
    }

    @Command(name = "setup-auth", mixinStandardHelpOptions = true,
            description = "Ensure a runtime key and an app-header key for this app and print them.")
    static class SetupAuth implements Callable<Integer> {

        @Option(names = "--x-key-name", paramLabel = "<name>",
                description = "Name of a new app-header key (default: <slug>-x-header).")
        String xKeyName;

        @Option(names = "--x-key-rpm", defaultValue = "30", paramLabel = "<n>",
                description = "Requests per minute of a new app-header key (default: ${DEFAULT-VALUE}).")
        int xKeyRpm;

        @Option(names = "--ensure-runtime-key", defaultValue = "true", paramLabel = "<true|false>",
                description = "Mint a runtime key when none is configured (default: ${DEFAULT-VALUE}).")
        String ensureRuntimeKey;

        private final AraCliContext cli;

        SetupAuth(AraCliContext cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            SetupAuthResult result = this.cli.await(this.cli.client().setupAuth(new SetupAuthOptions(
                    CliInputs.blankToNull(this.xKeyName), this.xKeyRpm, notFalse(this.ensureRuntimeKey))));
            if (result.runtimeKeyCreated() && result.runtimeKey() != null) {
                this.cli.runtimeKeys().put(result.slug(), result.runtimeKey(), this.cli.io());
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("app_id", result.appId());
            out.put("slug", result.slug());
            out.put("runtime_key_present", result.runtimeKeyPresent());
            out.put("runtime_key_created", result.runtimeKeyCreated());
            out.put("runtime_key", result.runtimeKey());
            out.put("app_header_key_present", result.appHeaderKeyPresent());
            out.put("app_header_key_created", result.appHeaderKeyCreated());
            out.put("app_header_key_id", result.appHeaderKeyId());
            out.put("app_header_key_prefix", result.appHeaderKeyPrefix());
            out.put("app_header_key", result.appHeaderKey());
            this.cli.print(out);
            return 0;
        }
    }

    @Command(name = "invite", mixinStandardHelpOptions = true,
            description = "Invite someone to the app (POST /apps/{id}/invites) and print the response.")
    static class Invite implements Callable<Integer> {

        @Option(names = "--email", paramLabel = "<email>", description = "Email to invite (required).")
        String email;

        @Option(names = "--role", defaultValue = "viewer", paramLabel = "<role>",
                description = "viewer, operator or editor (default: ${DEFAULT-VALUE}).")
        String role;

        @Option(names = "--expires-hours", defaultValue = "168", paramLabel = "<hours>",
                description = "Invite lifetime in hours (default: ${DEFAULT-VALUE}).")
        int expiresHours;

        @Spec
        CommandSpec spec;

        private final AraCliContext cli;

        Invite(AraCliContext cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            if (CliInputs.blankToNull(this.email) == null) {
                throw new ParameterException(this.spec.commandLine(), "invite requires --email");
            }
            InviteResponse response = this.cli.await(this.cli.client().invite(this.email.strip(), this.role,
                    this.expiresHours));
            this.cli.print(response.raw());
            return 0;
        }
    }

    @Command(name = "manifest", mixinStandardHelpOptions = true,
            description = "Print this app's manifest JSON (no connection needed).")
    static class Manifest implements Callable<Integer> {

        private final AraCliContext cli;

        Manifest(AraCliContext cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            this.cli.print(this.cli.manifestJson());
            return 0;
        }
    }
}
