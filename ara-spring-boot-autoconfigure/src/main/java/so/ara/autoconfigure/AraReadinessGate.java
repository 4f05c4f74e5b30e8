package so.ara.autoconfigure;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationContext;
import reactor.core.scheduler.Schedulers;

/**
 * Keeps the app's readiness at {@code REFUSING_TRAFFIC} until it is deployed: when Boot declares the app ready
 * (after {@code ApplicationReadyEvent}) while the deploy is still pending or retrying, refusal is published again once
 * Boot's availability bean has recorded the ready state; the first successful deploy accepts traffic.
 */
final class AraReadinessGate {

    private static final Log logger = LogFactory.getLog(AraReadinessGate.class);
    private static final Duration RECORD_WAIT = Duration.ofSeconds(5);

    private final BooleanSupplier deployed;
    private boolean held;

    AraReadinessGate(BooleanSupplier deployed) {
        this.deployed = deployed;
    }

    /** Boot's readiness changed; refuses traffic again when it became ready before the app was deployed. */
    void readinessChanged(AvailabilityChangeEvent<?> event, ApplicationContext context) {
        if (event.getState() != ReadinessState.ACCEPTING_TRAFFIC || deployed.getAsBoolean()) {
            return;
        }
        ApplicationAvailability availability = context.getBeanProvider(ApplicationAvailability.class).getIfAvailable();
        if (availability == null) {
            return;
        }
        if (availability.getLastChangeEvent(ReadinessState.class) == event) {
            refuse(context);
            return;
        }
        // Boot's availability bean has not seen the ready state yet (it listens after us): refuse once it has.
        Schedulers.boundedElastic().schedule(() -> {
            long deadline = System.nanoTime() + RECORD_WAIT.toNanos();
            while (availability.getLastChangeEvent(ReadinessState.class) != event && System.nanoTime() < deadline) {
                LockSupport.parkNanos(Duration.ofMillis(1).toNanos());
            }
            refuse(context);
        });
    }

    private synchronized void refuse(ApplicationContext context) {
        if (!deployed.getAsBoolean()) {
            held = true;
            logger.info("Readiness stays REFUSING_TRAFFIC until the Ara app is deployed");
            AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
        }
    }

    /** The app is deployed: accepts traffic when readiness was held back. */
    synchronized void opened(ApplicationContext context) {
        if (held) {
            held = false;
            AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
        }
    }
}
