package so.ara.local.console;

/** A console request that cannot be served; answered as RFC 9457 problem details with {@link #status()}. */
public final class ConsoleProblem extends RuntimeException {

    private final int status;

    public ConsoleProblem(int status, String detail) {
        super(detail, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }

    static ConsoleProblem badRequest(String detail) {
        return new ConsoleProblem(400, detail);
    }

    static ConsoleProblem notFound(String detail) {
        return new ConsoleProblem(404, detail);
    }
}
