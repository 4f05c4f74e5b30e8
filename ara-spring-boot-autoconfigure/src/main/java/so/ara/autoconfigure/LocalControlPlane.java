package so.ara.autoconfigure;

/**
 * Connection details of a control plane this app runs for itself (the embedded ara-local). It is a bean with its own
 * lifecycle: started when the bean is initialized, stopped with the application context. It exists only when the mode
 * is {@code local}, explicitly or as {@code auto} decides (see {@link AraModeResolver}).
 */
public interface LocalControlPlane extends AraConnectionDetails {
}
