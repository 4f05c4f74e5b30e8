package so.ara.benchmarks.logs;

import so.ara.local.AraLocalServer;
import so.ara.local.AraLocalSettings;

/**
 * For profiling a reader by hand: starts ara-local with a seeded app, prints the reader arguments (base URL, API key,
 * slug, runtime key, rows) and serves until stdin closes. Argument: rows (default 10,000).
 */
public final class LogsServer {

    private LogsServer() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        AraLocalSettings settings = AraLocalSettings.defaults().withScheduleTick(null)
                .withLimits(AraLocalSettings.Limits.defaults().withMaxLogRowsPerApp(rows));
        try (AraLocalServer server = AraLocalServer.start(settings)) {
            LogsFixture fixture = LogsFixture.seed(server, rows);
            System.out.println(String.join(" ", fixture.readerArguments(rows)));
            System.out.flush();
            while (System.in.read() >= 0) {
                // serve until stdin closes
            }
        }
    }
}
