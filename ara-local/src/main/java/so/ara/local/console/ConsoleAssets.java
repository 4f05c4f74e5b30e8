package so.ara.local.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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

    private record Asset(byte[] bytes, MediaType type, String etag) {
    }

    private final Map<String, Asset> assets = new LinkedHashMap<>();

    ConsoleAssets() {
        for (String name : FILES) {
            try (InputStream in = ConsoleAssets.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException("console asset " + name + " is missing from the jar");
                }
                byte[] bytes = in.readAllBytes();
                assets.put(name, new Asset(bytes, type(name), "\"" + HexFormat.of().formatHex(
                        MessageDigest.getInstance("SHA-256").digest(bytes), 0, 8) + "\""));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static MediaType type(String name) {
        if (name.endsWith(".html")) {
            return new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8);
        }
        if (name.endsWith(".css")) {
            return new MediaType("text", "css", java.nio.charset.StandardCharsets.UTF_8);
        }
        return new MediaType("text", "javascript", java.nio.charset.StandardCharsets.UTF_8);
    }

    Mono<ServerResponse> page(ServerRequest request) {
        return serve(request, "index.html");
    }

    Mono<ServerResponse> asset(ServerRequest request) {
        String name = request.pathVariable("file");
        if (!assets.containsKey(name) || name.equals("index.html")) {
            return Mono.error(ConsoleProblem.notFound("no console asset '" + name + "'"));
        }
        return serve(request, name);
    }

    private Mono<ServerResponse> serve(ServerRequest request, String name) {
        Asset asset = assets.get(name);
        if (asset.etag.equals(request.headers().firstHeader(HttpHeaders.IF_NONE_MATCH))) {
            return ServerResponse.status(304).eTag(asset.etag).header(HttpHeaders.CACHE_CONTROL, "no-cache").build();
        }
        return ServerResponse.ok().contentType(asset.type).eTag(asset.etag)
                .header(HttpHeaders.CACHE_CONTROL, "no-cache").bodyValue(asset.bytes);
    }
}
