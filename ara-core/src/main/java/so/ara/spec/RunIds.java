package so.ara.spec;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/** Run ids in Ara's shape: {@code run-<yyyyMMdd'T'HHmmss'Z'>-<8 lowercase hex>}. */
public final class RunIds {

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    private RunIds() {
    }

    public static String newRunId() {
        return newRunId(Clock.systemUTC());
    }

    public static String newRunId(Clock clock) {
        byte[] suffix = new byte[4];
        RANDOM.nextBytes(suffix);
        return "run-" + STAMP.format(clock.instant()) + "-" + HexFormat.of().formatHex(suffix);
    }
}
