package so.ara.local.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** The console's HTML, CSS and ES modules, read once from the jar and served with ETags (no CDN, no network). */
final class ConsoleAssets {

    static final List<String> FILES = List.of("index.html", "console.css", "app.js", "api.js", "dom.js",
            "apps.js", "runs.js", "run.js", "logs.js", "events.js");

    private static final String NO_CACHE = "no-cache";
    private static final String IMMUTABLE = "private, max-age=31536000, immutable";

    private record Asset(byte[] bytes, MediaType type, String etag) {
    }

    private final Map<String, Asset> assets = new LinkedHashMap<>();
    /** A hash of every asset: the page links {@code /console/assets/<version>/...}, cached for good by browsers. */
    private final String version;

    ConsoleAssets() {
        MessageDigest all = sha256();
        Map<String, byte[]> raw = new LinkedHashMap<>();
        for (String name : FILES) {
            try (InputStream in = ConsoleAssets.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException("console asset " + name + " is missing from the jar");
                }
                raw.put(name, in.readAllBytes());
                all.update(raw.get(name));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        this.version = HexFormat.of().formatHex(all.digest(), 0, 6);
        raw.put("index.html", new String(raw.get("index.html"), StandardCharsets.UTF_8)
                .replace("/console/assets/", "/console/assets/" + version + "/").getBytes(StandardCharsets.UTF_8));
        raw.forEach((name, bytes) -> assets.put(name, new Asset(bytes, type(name),
                "\"" + HexFormat.of().formatHex(sha256().digest(bytes), 0, 8) + "\"")));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MediaType type(String name) {
        if (name.endsWith(".html")) {
            return new MediaType("text", "html", StandardCharsets.UTF_8);
        }
        if (name.endsWith(".css")) {
            return new MediaType("text", "css", StandardCharsets.UTF_8);
        }
        return new MediaType("text", "javascript", StandardCharsets.UTF_8);
    }

    Mono<ServerResponse> page(ServerRequest request) {
        return send(request, "index.html", NO_CACHE);
    }

    /** {@code /console/assets/{file}}: revalidated by ETag on every use. */
    Mono<ServerResponse> asset(ServerRequest request) {
        return serve(request, request.pathVariable("file"), NO_CACHE);
    }

    /** {@code /console/assets/{version}/{file}}: never changes under its version, so browsers keep it. */
    Mono<ServerResponse> versionedAsset(ServerRequest request) {
        boolean current = version.equals(request.pathVariable("version"));
        return serve(request, request.pathVariable("file"), current ? IMMUTABLE : NO_CACHE);
    }

    private Mono<ServerResponse> serve(ServerRequest request, String name, String cacheControl) {
        if (!assets.containsKey(name) || name.equals("index.html")) {
            return Mono.error(ConsoleProblem.notFound("no console asset '" + name + "'"));
        }
        return send(request, name, cacheControl);
    }

    private Mono<ServerResponse> send(ServerRequest request, String name, String cacheControl) {
        Asset asset = assets.get(name);
        if (asset.etag.equals(request.headers().firstHeader(HttpHeaders.IF_NONE_MATCH))) {
            return ServerResponse.status(304).eTag(asset.etag).header(HttpHeaders.CACHE_CONTROL, cacheControl).build();
        }
        return ServerResponse.ok().contentType(asset.type).eTag(asset.etag)
                .header(HttpHeaders.CACHE_CONTROL, cacheControl).bodyValue(asset.bytes);
    }
}
