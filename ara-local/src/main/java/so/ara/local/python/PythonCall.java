package so.ara.local.python;

import java.util.List;
import java.util.Map;

/**
 * One function call: {@code source} defines {@code functionName}, which is called with keyword arguments (a tool:
 * the JSON args) or positional ones (a prompt factory: the run input).
 */
public record PythonCall(String source, String functionName, Map<String, Object> kwargs, List<Object> positional) {

    public static PythonCall withKwargs(String source, String functionName, Map<String, Object> kwargs) {
        return new PythonCall(source, functionName, kwargs == null ? Map.of() : kwargs, null);
    }

    public static PythonCall withPositional(String source, String functionName, List<Object> positional) {
        return new PythonCall(source, functionName, null, positional);
    }
}
