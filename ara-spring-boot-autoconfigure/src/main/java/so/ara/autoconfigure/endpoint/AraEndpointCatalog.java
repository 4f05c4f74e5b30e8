package so.ara.autoconfigure.endpoint;

import java.util.List;

import so.ara.manifest.EndpointSpec;
import so.ara.gateway.EndpointRunForwarder;

/**
 * The endpoints the application declares, as bound in the manifest's {@code interfaces.fastapi_endpoints}
 * ({@link EndpointSpec#agentId()} set). Implemented by the manifest auto-configuration; the presence of a bean of
 * this type (and of an {@link EndpointRunForwarder}) switches the endpoint routes on.
 */
public interface AraEndpointCatalog {

    /** The app slug, used in the gateway-shaped path {@code /v1/apps/{slug}/endpoints/{label}}. */
    String appSlug();

    /** The bound endpoint specs, in manifest order. */
    List<EndpointSpec> endpoints();
}
