package so.ara.autoconfigure;

import so.ara.autoconfigure.endpoint.EndpointAvailability;

/** Endpoints take traffic once the app has been deployed (or when it never deploys: nothing to wait for). */
final class DeployedEndpointAvailability implements EndpointAvailability {

    private final AraDeployState deployState;

    DeployedEndpointAvailability(AraDeployState deployState) {
        this.deployState = deployState;
    }

    @Override
    public boolean acceptsTraffic() {
        AraDeployState.Snapshot snapshot = deployState.snapshot();
        return snapshot.status() == AraDeployState.Status.DISABLED || snapshot.lastDeployedAt() != null;
    }
}
