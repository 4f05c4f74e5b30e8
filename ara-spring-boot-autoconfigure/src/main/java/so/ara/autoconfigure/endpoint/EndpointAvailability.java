package so.ara.autoconfigure.endpoint;

/**
 * Whether the endpoints can take traffic yet. The starter's implementation says no until the app's first successful
 * deploy; until then every endpoint answers 503 with {@code Retry-After}
 * ({@code ara.endpoints.retry-after}). Declare a bean to replace it.
 */
public interface EndpointAvailability {

    /** Always available: for routes used without a deploy (tests, a forwarder of your own). */
    EndpointAvailability ALWAYS = () -> true;

    boolean acceptsTraffic();
}
