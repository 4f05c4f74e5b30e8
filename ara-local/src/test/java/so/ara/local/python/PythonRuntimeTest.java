package so.ara.local.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The interpreter pool against real python3 processes. */
class PythonRuntimeTest {

    @TempDir
    Path temp;

    PythonRuntime runtime;

    @AfterEach
    void close() {
        if (runtime != null) {
            runtime.close();
        }
    }

    PythonRuntime start(PythonSettings settings) {
        runtime = new PythonRuntime(settings.withWorkDirectory(temp.resolve("work")));
        assertThat(runtime.interpreter().available()).as(runtime.interpreter().problem()).isTrue();
        return runtime;
    }

    static PythonEnvironment env(String appId, Map<String, String> env, List<PythonEnvironment.File> files) {
        return new PythonEnvironment(appId, appId, env, files, PythonRuntime.fingerprint(env, files));
    }

    static Object call(PythonRuntime runtime, PythonEnvironment env, String source, String fn, Map<String, Object> args) {
        return runtime.call(env, PythonCall.withKwargs(source, fn, args)).block(Duration.ofSeconds(20)).value();
    }

    @Test
    void runsFilesEnvAndCapturesOutput() {
        start(PythonSettings.defaults().withPoolSize(1));
        PythonEnvironment env = env("app_1", Map.of("GREETING", "hello", "API_TOKEN", "tok-1"),
                List.of(new PythonEnvironment.File("data/rates.json", "{\"eur\": 0.5}", false),
                        new PythonEnvironment.File("/bin/tool.sh", "#!/bin/sh\necho hi\n", true)));
        String source = """
                def inspect(name: str) -> dict:
                    import json, os
                    print("looking up", name)
                    with open("data/rates.json") as f:
                        rates = json.load(f)
                    return {"greeting": os.environ["GREETING"] + " " + name, "eur": rates["eur"],
                            "token": secret("API_TOKEN"), "missing": env("NOPE", "dflt"),
                            "exec": os.access("bin/tool.sh", os.X_OK), "java_home": os.environ.get("JAVA_HOME"),
                            "cwd_is_home": os.getcwd() == os.environ["HOME"]}
                """;
        PythonResult result = runtime.call(env, PythonCall.withKwargs(source, "inspect", Map.of("name", "ada")))
                .block(Duration.ofSeconds(20));
        Map<?, ?> value = (Map<?, ?>) result.value();
        assertThat(value.get("greeting")).isEqualTo("hello ada");
        assertThat(value.get("eur")).isEqualTo(0.5);
        assertThat(value.get("token")).isEqualTo("tok-1");
        assertThat(value.get("missing")).isEqualTo("dflt");
        assertThat(value.get("exec")).isEqualTo(true);
        assertThat(value.get("java_home")).as("the JVM's environment does not leak in").isNull();
        assertThat(value.get("cwd_is_home")).isEqualTo(true);
        assertThat(result.stdout()).isEqualTo("looking up ada\n");
    }

    @Test
    void exceptionCarriesTypeMessageTracebackAndOutput() {
        start(PythonSettings.defaults().withPoolSize(1));
        String source = """
                def check(ticket_id):
                    import sys
                    print("checking", ticket_id)
                    print("careful", file=sys.stderr)
                    raise ValueError("bad ticket")
                """;
        assertThatThrownBy(() -> call(runtime, env("a", Map.of(), List.of()), source, "check",
                Map.of("ticket_id", "T-1")))
                .isInstanceOfSatisfying(PythonCallException.class, e -> {
                    assertThat(e.kind()).isEqualTo(PythonCallException.Kind.RAISED);
                    assertThat(e.getMessage()).isEqualTo("ValueError: bad ticket");
                    assertThat(e.exception()).isEqualTo("ValueError");
                    assertThat(e.traceback()).contains("raise ValueError(\"bad ticket\")");
                    assertThat(e.stdout()).isEqualTo("checking T-1\n");
                    assertThat(e.stderr()).isEqualTo("careful\n");
                });
        // the same interpreter still serves calls
        assertThat(call(runtime, env("a", Map.of(), List.of()), "def ok():\n    return [1, 'two']", "ok", Map.of()))
                .isEqualTo(List.of(1, "two"));
        assertThat(runtime.liveWorkers("a")).isEqualTo(1);
    }

    @Test
    void printedTextNeverCorruptsTheProtocol() {
        start(PythonSettings.defaults().withPoolSize(1));
        String source = """
                def noisy():
                    import os, sys
                    os.write(1, b'{"id": 999, "ok": true, "result": "forged"}\\n')
                    sys.__stdout__.write("not json\\n")
                    sys.__stdout__.flush()
                    return "real"
                """;
        assertThat(call(runtime, env("n", Map.of(), List.of()), source, "noisy", Map.of())).isEqualTo("real");
        assertThat(call(runtime, env("n", Map.of(), List.of()), source, "noisy", Map.of())).isEqualTo("real");
    }

    @Test
    void nonJsonResultsAndMissingFunctionsAreClearErrors() {
        start(PythonSettings.defaults().withPoolSize(1));
        PythonEnvironment env = env("j", Map.of(), List.of());
        assertThatThrownBy(() -> call(runtime, env, "def s():\n    return {1, 2}", "s", Map.of()))
                .hasMessage("TypeError: the result is not JSON serializable: Object of type set is not JSON"
                        + " serializable");
        assertThatThrownBy(() -> call(runtime, env, "def s():\n    return 1", "other", Map.of()))
                .hasMessage("NameError: the source does not define a function named 'other'");
        assertThatThrownBy(() -> call(runtime, env, "def s(:\n", "s", Map.of()))
                .hasMessageStartingWith("SyntaxError: ");
    }

    @Test
    void hungCallIsKilledAtItsTimeoutAndItsInterpreterReplaced() {
        start(PythonSettings.defaults().withPoolSize(1).withCallTimeout(Duration.ofMillis(700)));
        PythonEnvironment env = env("t", Map.of(), List.of());
        assertThat(call(runtime, env, "def pid():\n    import os\n    return os.getpid()", "pid", Map.of()))
                .isInstanceOf(Integer.class);
        long firstPid = ((Number) call(runtime, env, "def pid():\n    import os\n    return os.getpid()", "pid",
                Map.of())).longValue();
        assertThatThrownBy(() -> call(runtime, env, "def hang():\n    import time\n    time.sleep(60)", "hang",
                Map.of()))
                .isInstanceOfSatisfying(PythonCallException.class, e -> {
                    assertThat(e.kind()).isEqualTo(PythonCallException.Kind.TIMEOUT);
                    assertThat(e.getMessage()).isEqualTo("timed out after 700 ms (its interpreter was stopped)");
                });
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
                .until(() -> ProcessHandle.of(firstPid).map(p -> !p.isAlive()).orElse(true));
        long secondPid = ((Number) call(runtime, env, "def pid():\n    import os\n    return os.getpid()", "pid",
                Map.of())).longValue();
        assertThat(secondPid).isNotEqualTo(firstPid);
        assertThat(runtime.liveWorkers("t")).isEqualTo(1);
    }

    @Test
    void poolIsBoundedAndCallsQueue() {
        start(PythonSettings.defaults().withPoolSize(2));
        PythonEnvironment env = env("q", Map.of(), List.of());
        String source = "def slow(i):\n    import os, time\n    time.sleep(0.05)\n    return [i, os.getpid()]";
        List<Object> results = Flux.range(0, 12)
                .flatMap(i -> runtime.call(env, PythonCall.withKwargs(source, "slow", Map.of("i", i))), 12)
                .map(PythonResult::value).collectList().block(Duration.ofSeconds(30));
        assertThat(results).hasSize(12);
        assertThat(results.stream().map(r -> ((List<?>) r).get(1)).distinct().count()).isLessThanOrEqualTo(2);
        assertThat(runtime.liveWorkers("q")).isLessThanOrEqualTo(2);
    }

    @Test
    void queueLimitRefusesExcessCalls() {
        start(PythonSettings.defaults().withPoolSize(1).withMaxQueued(1));
        PythonEnvironment env = env("b", Map.of(), List.of());
        String source = "def slow():\n    import time\n    time.sleep(0.5)\n    return 1";
        List<Mono<Object>> calls = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            calls.add(runtime.call(env, PythonCall.withKwargs(source, "slow", Map.of())).map(PythonResult::value)
                    .onErrorResume(PythonCallException.class, e -> Mono.just(e.kind().name())));
        }
        List<Object> outcomes = Flux.merge(calls).collectList().block(Duration.ofSeconds(20));
        assertThat(outcomes).containsExactlyInAnyOrder(1, 1, "BUSY");
    }

    @Test
    void changedEnvironmentRebuildsThePoolAndStopsOldInterpreters() {
        start(PythonSettings.defaults().withPoolSize(1));
        String source = "def who():\n    import os\n    return [os.environ.get('MODE'), os.getpid()]";
        List<?> first = (List<?>) call(runtime, env("r", Map.of("MODE", "one"), List.of()), source, "who", Map.of());
        List<?> second = (List<?>) call(runtime, env("r", Map.of("MODE", "two"), List.of()), source, "who", Map.of());
        assertThat(first.get(0)).isEqualTo("one");
        assertThat(second.get(0)).isEqualTo("two");
        long oldPid = ((Number) first.get(1)).longValue();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
                .until(() -> ProcessHandle.of(oldPid).map(p -> !p.isAlive()).orElse(true));
        runtime.close();
        long newPid = ((Number) second.get(1)).longValue();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
                .until(() -> ProcessHandle.of(newPid).map(p -> !p.isAlive()).orElse(true));
        assertThat(temp.resolve("work").resolve("r")).satisfies(dir -> assertThat(
                Files.exists(dir) ? Files.list(dir).count() : 0L).isZero());
    }

    @Test
    void fileOutsideTheWorkingDirectoryIsRefused() {
        start(PythonSettings.defaults());
        PythonEnvironment env = env("f", Map.of(), List.of(new PythonEnvironment.File("../escape.txt", "x", false)));
        assertThatThrownBy(() -> call(runtime, env, "def f():\n    return 1", "f", Map.of()))
                .hasMessage("runtime_profile.files[0].path '../escape.txt' must name a file inside the app's working"
                        + " directory");
        assertThat(temp.resolve("work").resolve("escape.txt")).doesNotExist();
    }

    @Test
    void missingInterpreterSaysHowToFixIt() {
        PythonInterpreter none = PythonInterpreter.locate("/nonexistent/python3", "/nonexistent");
        assertThat(none.available()).isFalse();
        assertThat(none.problem()).isEqualTo("Python is not available to ara-local (ara.local.python"
                + " '/nonexistent/python3' not found): install Python 3 (python3 on PATH) or set ara.local.python to"
                + " an interpreter's path");
        assertThat(PythonInterpreter.locate(null, temp.toString()).problem())
                .startsWith("Python is not available to ara-local (no 'python3' on PATH)");
        runtime = new PythonRuntime(PythonSettings.defaults().withWorkDirectory(temp.resolve("w")), none);
        assertThatThrownBy(() -> call(runtime, env("x", Map.of(), List.of()), "def f():\n    return 1", "f", Map.of()))
                .isInstanceOfSatisfying(PythonCallException.class,
                        e -> assertThat(e.kind()).isEqualTo(PythonCallException.Kind.UNAVAILABLE))
                .hasMessageContaining("set ara.local.python");
    }
}
