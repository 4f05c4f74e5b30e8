package so.ara.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.SmartApplicationListener;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import so.ara.client.AraClient;
import so.ara.client.DeployOptions;
import so.ara.client.DeployResult;
import so.ara.json.AraJson;
import so.ara.manifest.AppManifest;
import so.ara.spec.Secret;

/**
 * Deploys the manifest once the application is ready ({@code ara.deploy.on-startup}). With
 * {@code ara.deploy.failure=fail} a failed deploy stops the application with a clear message; with {@code continue}
 * it is logged once and retried in the background with exponential back-off; readiness stays
 * {@code REFUSING_TRAFFIC} until a deploy succeeds. Each successful deploy is recorded in the {@link AraDeployState}
 * (with the manifest as sent) and published as an {@link AraAppDeployedEvent}.
 */
final class AraStartupDeployer implements SmartApplicationListener, DisposableBean {

    private static final Log logger = LogFactory.getLog(AraStartupDeployer.class);
    private static final Duration FAIL_FAST_TIMEOUT = Duration.ofMinutes(3);

    /** Built at the first deploy: the client's HTTP stack is not needed to start the application. */
    private final Supplier<AraClient> client;
    private final AraDeployState state;
    private final AraProperties.Deploy settings;
    private final CallbackTarget callbackTarget;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AraReadinessGate readiness;
    private volatile Disposable background;

    AraStartupDeployer(Supplier<AraClient> client, AraDeployState state, AraProperties.Deploy settings,
            CallbackTarget callbackTarget) {
        this.client = client;
        this.state = state;
        this.settings = settings;
        this.callbackTarget = callbackTarget;
        this.readiness = new AraReadinessGate(() -> {
            AraDeployState.Snapshot snapshot = state.snapshot();
            return snapshot.status() == AraDeployState.Status.DISABLED || snapshot.lastDeployedAt() != null;
        });
    }

    @Override
    public boolean supportsEventType(Class<? extends ApplicationEvent> eventType) {
        return ApplicationReadyEvent.class.isAssignableFrom(eventType)
                || AvailabilityChangeEvent.class.isAssignableFrom(eventType);
    }

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        if (event instanceof ApplicationReadyEvent ready) {
            deploy(ready.getApplicationContext());
        }
        else if (event instanceof AvailabilityChangeEvent<?> change
                && change.getSource() instanceof ApplicationContext context) {
            readiness.readinessChanged(change, context);
        }
    }

    private void deploy(ApplicationContext context) {
        if (state.snapshot().status() == AraDeployState.Status.DISABLED || !started.compareAndSet(false, true)) {
            return;
        }
        AraClient client = this.client.get();
        CallbackTarget.Rendering rendering = callbackTarget.render(context);
        tools.jackson.databind.JsonNode sent = AraJson.mapper().valueToTree(rendering.manifest());
        AraClient deployClient = client.withManifest(sent);
        AraDeployState.Deployment deployment = new AraDeployState.Deployment(rendering.manifest(),
                digest(AraJson.mapper().writeValueAsBytes(sent)),
                rendering.renderedAtDeploy(), rendering.secrets().stream().map(Secret::name).toList());
        Mono<DeployResult> deploy = Mono.defer(() -> {
            state.deploying();
            return deployClient.deploy(options(rendering));
        }).doOnNext(result -> {
            state.deployed(result.appId(), deployment);
            logger.info("Deployed Ara app '" + result.slug() + "' (" + result.appId() + ") to " + state.baseUrl());
            announce(context, new AraAppDeployedEvent(this, result.appId(), state.baseUrl(), state.mode(),
                    deployment.digest()));
        });
        if (settings.failure() == AraProperties.FailurePolicy.FAIL) {
            try {
                deploy.block(FAIL_FAST_TIMEOUT);
            }
            catch (RuntimeException ex) {
                Throwable cause = reactor.core.Exceptions.unwrap(ex);
                state.failed(cause.getMessage());
                throw new AraDeployException(client.slug(), state.baseUrl(), cause);
            }
            return;
        }
        AtomicBoolean warned = new AtomicBoolean();
        background = deploy.doOnError(ex -> {
            state.failed(ex.getMessage());
            if (warned.compareAndSet(false, true)) {
                logger.warn("Deploying Ara app '" + client.slug() + "' to " + state.baseUrl() + " failed: "
                        + ex.getMessage() + "; retrying in the background (ara.deploy.failure=continue)");
            }
        }).retryWhen(Retry.backoff(Long.MAX_VALUE, settings.retryBackoff()).maxBackoff(settings.retryMaxBackoff()))
                .subscribe(result -> { }, ex -> logger.error("Giving up deploying Ara app '" + client.slug() + "'", ex));
    }

    /** Opens readiness and publishes the event; a failing listener is logged, it does not undo the deploy. */
    private void announce(ApplicationContext context, AraAppDeployedEvent deployed) {
        try {
            readiness.opened(context);
            context.publishEvent(deployed);
        }
        catch (RuntimeException ex) {
            logger.warn("A listener of " + deployed + " failed; the app stays deployed", ex);
        }
    }

    private DeployOptions options(CallbackTarget.Rendering rendering) {
        return DeployOptions.defaults().withActivate(settings.activate()).withKey(settings.keyName(), settings.keyRpm())
                .withWarm(settings.warm(), blankToNull(settings.warmAgent())).withOnExisting(settings.onExisting())
                .withSecrets(rendering.secrets());
    }

    private static String digest(byte[] manifest) {
        try {
            return "sha256:" + java.util.HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(manifest));
        }
        catch (java.security.NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    @Override
    public void destroy() {
        Disposable running = background;
        if (running != null) {
            running.dispose();
        }
    }

    /** The manifest to deploy and the secrets to sync, once the app's own URL is known. */
    interface CallbackTarget {

        Rendering render(org.springframework.context.ApplicationContext context);

        /**
         * @param renderedAtDeploy what differs from the manifest built at startup, for {@code /actuator/ara}
         */
        record Rendering(AppManifest manifest, List<Secret> secrets, List<String> renderedAtDeploy) {

            Rendering(AppManifest manifest, List<Secret> secrets) {
                this(manifest, secrets, List.of());
            }
        }
    }
}
