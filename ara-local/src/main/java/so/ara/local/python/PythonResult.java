package so.ara.local.python;

/** What a Python function returned (as parsed JSON), with what it printed. */
public record PythonResult(Object value, String stdout, String stderr) {
}
