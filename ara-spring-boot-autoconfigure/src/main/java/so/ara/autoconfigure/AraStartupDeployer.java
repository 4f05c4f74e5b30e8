package so.ara.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
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
 * it is logged once and retried in the background with exponential back-off.
 */
final class AraStartupDeployer implements ApplicationListener<ApplicationReadyEvent>, DisposableBean {

    private static final Log logger = LogFactory.getLog(AraStartupDeployer.class);
    private static final Duration FAIL_FAST_TIMEOUT = Duration.ofMinutes(3);

    private final AraClient client;
    private final AraDeployState state;
    private final AraProperties.Deploy settings;
    private final CallbackTarget callbackTarget;
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile Disposable background;

    AraStartupDeployer(AraClient client, AraDeployState state, AraProperties.Deploy settings,
            CallbackTarget callbackTarget) {
        this.client = client;
        this.state = state;
        this.settings = settings;
        this.callbackTarget = callbackTarget;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        if (state.snapshot().status() == AraDeployState.Status.DISABLED || !started.compareAndSet(false, true)) {
            return;
        }
        CallbackTarget.Rendering rendering = callbackTarget.render(event.getApplicationContext());
        AraClient deployClient = client.withManifest(AraJson.mapper().<tools.jackson.databind.JsonNode>valueToTree(rendering.manifest()));
        Mono<DeployResult> deploy = Mono.defer(() -> {
            state.deploying();
            return deployClient.deploy(options(rendering));
        }).doOnNext(result -> {
            state.deployed(result.appId());
            logger.info("Deployed Ara app '" + result.slug() + "' (" + result.appId() + ") to " + state.baseUrl());
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

    private DeployOptions options(CallbackTarget.Rendering rendering) {
        return DeployOptions.defaults().withActivate(settings.activate()).withKey(settings.keyName(), settings.keyRpm())
                .withWarm(settings.warm(), blankToNull(settings.warmAgent())).withOnExisting(settings.onExisting())
                .withSecrets(rendering.secrets());
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

        record Rendering(AppManifest manifest, List<Secret> secrets) {
        }
    }
}
