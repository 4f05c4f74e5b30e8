package so.ara.manifest;

import java.util.regex.Pattern;

/** Java method names as the reference's function names. */
final class Names {

    private static final Pattern CAMEL_BOUNDARY = Pattern.compile("([a-z0-9])([A-Z])");

    private Names() {
    }

    /**
     * The text a default slug is made from: camelCase words are split ({@code triageAgent} gives
     * {@code triage-agent}, as {@code triage_agent} does in Python); snake_case names are unchanged.
     */
    static String slugSource(String functionName) {
        return CAMEL_BOUNDARY.matcher(functionName).replaceAll("$1-$2");
    }
}
