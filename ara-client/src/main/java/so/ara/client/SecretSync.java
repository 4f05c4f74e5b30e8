package so.ara.client;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.http.HttpMethod;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import so.ara.json.AraJson;
import so.ara.spec.Secret;
import tools.jackson.databind.JsonNode;

/**
 * Step 5 of docs/ara-reference.md §5.1 (upsert the secrets with values, reconcile), made idempotent across restarts
 * and replicas. Ara lists secret names, never values, so "unchanged" cannot be read back: after a full sync a marker
 * secret {@code ara-sync-<fingerprint>} is stored, the fingerprint being an HMAC (keyed with the control-plane
 * credential, so the name reveals nothing about the values) of every name and value synced. A deploy that finds its
 * own marker, every secret it would upsert, and nothing to reconcile, sends nothing. Any change (a value, a rotated
 * credential, a generated callback secret, a deploy by another tool that reconciled the marker away) syncs again.
 */
final class SecretSync {

    static final String MARKER_PREFIX = "ara-sync-";

    private final AraHttp http;

    SecretSync(AraHttp http) {
        this.http = http;
    }

    Mono<DeployResult.Secrets> sync(String appId, DeployFlow.SecretPlan plan) {
        List<Secret> valued = plan.definitions().stream().filter(Secret::hasValues).toList();
        List<String> referencedOnly = plan.definitions().stream().filter(d -> !d.hasValues()).map(Secret::name)
                .toList();
        Set<String> desired = desired(plan);
        if (valued.isEmpty()) {
            return full(appId, plan, valued, desired, null, null).map(synced -> new DeployResult.Secrets(synced,
                    referencedOnly));
        }
        return this.http.credentials().controlPlaneToken().defaultIfEmpty("").flatMap(token -> {
            String marker = MARKER_PREFIX + fingerprint(token, valued, desired, plan.reconcile());
            return names(appId).flatMap(existing -> {
                if (upToDate(existing, marker, valued, desired, plan.reconcile())) {
                    return Mono.just(List.<String>of());
                }
                return full(appId, plan, valued, desired, marker, existing);
            });
        }).map(synced -> new DeployResult.Secrets(synced, referencedOnly));
    }

    private static boolean upToDate(List<String> existing, String marker, List<Secret> valued, Set<String> desired,
            boolean reconcile) {
        Set<String> names = new LinkedHashSet<>();
        existing.forEach(n -> names.add(n.strip().toLowerCase(Locale.ROOT)));
        if (!names.contains(marker) || !valued.stream().allMatch(s -> names.contains(s.name()))) {
            return false;
        }
        return names.stream().noneMatch(n -> !n.equals(marker) && (reconcile ? !desired.contains(n)
                : n.startsWith(MARKER_PREFIX)));
    }

    /**
     * Upserts, reconcile, then (last, so a failure before it syncs again next time) the marker. {@code listed} are the
     * names read before the upserts (which add no stale names), or null to read them for the reconcile.
     */
    private Mono<List<String>> full(String appId, DeployFlow.SecretPlan plan, List<Secret> valued, Set<String> desired,
            String marker, List<String> listed) {
        List<String> synced = new ArrayList<>();
        AraUri secretsPath = AraUri.of("/apps/{app_id}/secrets", appId);
        Mono<Void> upserts = Flux.fromIterable(valued).concatMap(definition -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", definition.name());
            body.put("values", definition.values());
            return this.http.call(HttpMethod.POST, secretsPath, body, this.http.controlPlane())
                    .onErrorMap(AraApiException.class, ex -> compat(ex, appId))
                    .doOnSuccess(ignored -> synced.add(definition.name()))
                    .then();
        }).then();
        Mono<Void> cleanUp = !plan.reconcile() && marker == null ? Mono.empty()
                : (listed != null ? Mono.just(listed) : names(appId)).flatMapMany(names -> Flux.fromIterable(names)
                        .filter(name -> stale(name.strip().toLowerCase(Locale.ROOT), desired, plan.reconcile(),
                                marker)))
                        .concatMap(name -> this.http.call(HttpMethod.DELETE,
                                AraUri.of("/apps/{app_id}/secrets/{name}", appId, name), null, this.http.controlPlane())
                                .onErrorResume(AraApiException.class,
                                        ex -> ex.getStatus() == 404 ? Mono.empty() : Mono.error(ex)))
                        .then();
        Map<String, Object> markerBody = new LinkedHashMap<>();
        markerBody.put("name", marker);
        markerBody.put("values", Map.of("DEPLOY_FINGERPRINT", String.valueOf(marker)));
        Mono<Void> mark = marker == null ? Mono.empty()
                : this.http.call(HttpMethod.POST, secretsPath, markerBody, this.http.controlPlane())
                        .onErrorMap(AraApiException.class, ex -> compat(ex, appId)).then();
        return upserts.then(cleanUp).then(mark).then(Mono.fromSupplier(() -> List.copyOf(synced)));
    }

    private static boolean stale(String name, Set<String> desired, boolean reconcile, String marker) {
        if (name.equals(marker)) {
            return false;
        }
        return reconcile ? !desired.contains(name) : name.startsWith(MARKER_PREFIX);
    }

    private Mono<List<String>> names(String appId) {
        return this.http.call(HttpMethod.GET, AraUri.of("/apps/{app_id}/secrets", appId), null,
                this.http.controlPlane()).onErrorMap(AraApiException.class, ex -> compat(ex, appId)).map(body -> {
                    List<String> names = new ArrayList<>();
                    JsonNode secrets = Json.node(body, "secrets");
                    if (secrets != null && secrets.isArray()) {
                        for (JsonNode secret : secrets) {
                            String name = Json.text(secret, "name");
                            if (name != null) {
                                names.add(name);
                            }
                        }
                    }
                    return names;
                });
    }

    private static Set<String> desired(DeployFlow.SecretPlan plan) {
        Set<String> desired = new LinkedHashSet<>();
        plan.definitions().forEach(d -> desired.add(d.name()));
        JsonNode refs = plan.runtimeProfile().get("secret_refs");
        if (refs != null) {
            refs.forEach(r -> {
                String n = Json.text(r, "name");
                if (n != null) {
                    desired.add(n.strip().toLowerCase(Locale.ROOT));
                }
            });
        }
        return desired;
    }

    /** 24 hex digits of HMAC-SHA256(credential, canonical JSON of names, values and the reconcile set). */
    static String fingerprint(String credential, List<Secret> valued, Set<String> desired, boolean reconcile) {
        Map<String, Object> canonical = new TreeMap<>();
        valued.forEach(s -> canonical.put(s.name(), new TreeMap<>(s.values())));
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("values", canonical);
        all.put("desired", reconcile ? new TreeSet<>(desired) : List.of());
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            byte[] key = ("ara-secret-sync/v1:" + credential).getBytes(StandardCharsets.UTF_8);
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal(AraJson.mapper().writeValueAsBytes(all));
            return HexFormat.of().formatHex(digest, 0, 12);
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }

    static Throwable compat(AraApiException ex, String appId) {
        if (ex.getStatus() == 404) {
            return new AraApiException(String.format(DeployFlow.SECRETS_UNSUPPORTED, appId), 404, ex.getMethod(),
                    ex.getPath(), ex.getResponseBody(), null);
        }
        return ex;
    }
}
