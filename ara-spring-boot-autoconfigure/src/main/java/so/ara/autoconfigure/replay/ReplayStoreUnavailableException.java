package so.ara.autoconfigure.replay;

/**
 * The {@link ReplayStore} did not answer (Redis down, timeout): a signed message cannot be accepted safely, so the
 * request is refused with 503 rather than risk running it twice.
 */
public final class ReplayStoreUnavailableException extends RuntimeException {

    /** The detail a caller may see. */
    public static final String PUBLIC_DETAIL = "Replay protection is unavailable right now; retry later.";

    public ReplayStoreUnavailableException(Throwable cause) {
        super("the replay store did not answer: " + cause.getClass().getName(), cause);
    }
}
