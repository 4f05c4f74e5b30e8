package so.ara.local;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Standalone entry point: {@code java -jar ara-local.jar [--server.port=8787] [--ara.local.api-key=...]
 * [--ara.local.data-dir=ara-local-data] [--ara.local.key-file=...] [--ara.local.host=127.0.0.1]
 * [--ara.local.python=/usr/bin/python3]}. Environment
 * fallbacks: {@code SERVER_PORT}, {@code ARA_LOCAL_API_KEY}, {@code ARA_LOCAL_DATA_DIR}, {@code ARA_LOCAL_KEY_FILE},
 * {@code ARA_LOCAL_HOST}, {@code ARA_LOCAL_PYTHON}, and for an OpenAI-compatible
 * model {@code ARA_LOCAL_MODEL_BASE_URL}, {@code ARA_LOCAL_MODEL}, {@code ARA_LOCAL_MODEL_API_KEY}.
 */
public final class AraLocalMain {

    private AraLocalMain() {
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String arg : args) {
            if (arg.startsWith("--") && arg.contains("=")) {
                out.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            } else {
                throw new IllegalArgumentException("unknown argument '" + arg + "' (expected --name=value)");
            }
        }
        return out;
    }

    static AraLocalSettings settings(Map<String, String> opts, Map<String, String> env) {
        AraLocalSettings s = AraLocalSettings.defaults().withPort(8787);
        String port = opts.getOrDefault("server.port", env.get("SERVER_PORT"));
        if (port != null && !port.isBlank()) {
            s = s.withPort(Integer.parseInt(port.trim()));
        }
        String host = opts.getOrDefault("ara.local.host", env.get("ARA_LOCAL_HOST"));
        if (host != null && !host.isBlank()) {
            s = s.withHost(host.trim());
        }
        String key = opts.getOrDefault("ara.local.api-key", env.get("ARA_LOCAL_API_KEY"));
        if (key != null && !key.isBlank()) {
            s = s.withApiKey(key.trim());
        }
        if (opts.containsKey("ara.local.state-file") || env.containsKey("ARA_LOCAL_STATE_FILE")) {
            throw new IllegalArgumentException("the JSON state file is gone: use --ara.local.data-dir=<directory> "
                    + "(or ARA_LOCAL_DATA_DIR) for a durable store");
        }
        String dataDir = opts.getOrDefault("ara.local.data-dir", env.get("ARA_LOCAL_DATA_DIR"));
        if (dataDir != null && !dataDir.isBlank()) {
            s = s.withDataDir(Path.of(dataDir.trim()));
        }
        String keyFile = opts.getOrDefault("ara.local.key-file", env.get("ARA_LOCAL_KEY_FILE"));
        if (keyFile != null && !keyFile.isBlank()) {
            s = s.withKeyFile(Path.of(keyFile.trim()));
        }
        String python = opts.getOrDefault("ara.local.python", env.get("ARA_LOCAL_PYTHON"));
        if (python != null && !python.isBlank()) {
            s = s.withPython(s.python().withExecutable(python.trim()));
        }
        String modelUrl = opts.getOrDefault("ara.local.model.base-url", env.get("ARA_LOCAL_MODEL_BASE_URL"));
        if (modelUrl != null && !modelUrl.isBlank()) {
            s = s.withModel(AraLocalSettings.ModelSettings.openAiCompatible(modelUrl.trim(),
                    opts.getOrDefault("ara.local.model.name", env.getOrDefault("ARA_LOCAL_MODEL", "gpt-4o-mini")),
                    opts.getOrDefault("ara.local.model.api-key", env.get("ARA_LOCAL_MODEL_API_KEY"))));
        }
        return s;
    }

    public static void main(String[] args) throws InterruptedException {
        AraLocalSettings settings;
        try {
            settings = settings(options(args), System.getenv());
        } catch (RuntimeException e) {
            System.err.println("ara-local: " + e.getMessage());
            System.exit(2);
            return;
        }
        AraLocalServer server;
        try {
            server = AraLocalServer.start(settings);
        } catch (IllegalStateException e) {
            System.err.println(e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stop.countDown();
        }, "ara-local-shutdown"));
        System.out.println("ara-local listening on " + server.baseUrl());
        System.out.println("ARA_API_BASE_URL=" + server.baseUrl());
        System.out.println("ARA_API_KEY=" + server.apiKey());
        System.out.println("ara-local console: " + server.consoleUrl());
        System.out.flush();
        stop.await();
    }
}
