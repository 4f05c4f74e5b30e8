package so.ara.actuate;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import so.ara.autoconfigure.AraDeployState;

/**
 * Health of the Ara connection as the last deploy saw it: UP once deployed (or when the app never deploys), DOWN when
 * the last deploy failed, UNKNOWN while startup's deploy is pending.
 */
public class AraHealthIndicator extends AbstractHealthIndicator {

    private final AraDeployState deployState;

    public AraHealthIndicator(AraDeployState deployState) {
        super("Ara health check failed");
        this.deployState = deployState;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        switch (deployState.snapshot().status()) {
            case DEPLOYED, DISABLED -> builder.up();
            case FAILED -> builder.down();
            default -> builder.unknown();
        }
        builder.withDetails(deployState.describe());
    }
}
