package so.ara.client;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.HttpMethod;
import reactor.core.publisher.Mono;
import so.ara.client.AraHttp.Auth;
import so.ara.json.AraJson;
import so.ara.spec.EnvKeys;
import so.ara.spec.Secret;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static so.ara.client.JsonBodies.objectOr;
import static so.ara.client.JsonBodies.textOr;

/**
 * The deploy flow of docs/ara-reference.md §5.1 for one manifest: find by slug, create or update, activate, sync and reconcile
 * secrets, mint the runtime key, optionally warm up. Idempotent, so every replica can run it at every start: an unchanged
 * stored app is not patched, unchanged secrets are not re-sent ({@link SecretSync}), a held or configured runtime key
 * is reused, and a create that loses a race (409) updates the app the other instance created.
 */
final class DeployFlow {

    private static final Pattern SECRET_CALL = Pattern.compile("\\bsecret\\(\\s*(?:\"([^\"]*)\"|'([^']*)')");
    static final String SECRETS_UNSUPPORTED = "Secret sync failed because this backend does not support App SDK "
            + "secret routes yet. Upgrade backend to a version with /apps/%s/secrets support, or remove "
            + "runtime(secrets=...) declarations.";

    private final ObjectNode manifest;
    private final String slug;
    private final AraHttp http;
    private final AppIds appIds;
    private final RuntimeKeys keys;
    private final Runs runs;
    private final SecretSync secrets;

    DeployFlow(ObjectNode manifest, String slug, AraHttp http, AppIds appIds, RuntimeKeys keys, Runs runs) {
        this.manifest = manifest;
        this.slug = slug;
        this.http = http;
        this.appIds = appIds;
        this.keys = keys;
        this.runs = runs;
        this.secrets = new SecretSync(http);
    }

    /**
     * Deploys the manifest as docs/ara-reference.md §5.1, but idempotently: the calls that would change nothing (the
     * PATCH of an unchanged app, the upserts of unchanged secrets, a new key while one is held) are left out.
     */
    Mono<DeployResult> deploy(DeployOptions options) {
        return Mono.defer(() -> {
            String onExisting = options.onExisting().strip().toLowerCase(Locale.ROOT);
            if (!onExisting.equals("update") && !onExisting.equals("error")) {
                return Mono.error(new IllegalArgumentException("on_existing must be one of: update, error"));
            }
            SecretPlan plan = secretPlan(options);
            ObjectNode payload = AraJson.mapper().createObjectNode();
            payload.put("name", textOr(this.manifest, "name", this.slug));
            payload.put("description", textOr(this.manifest, "description", ""));
            payload.set("agent", objectOr(this.manifest, "agent", false));
            payload.set("workflows", objectOr(this.manifest, "workflows", true));
            payload.set("interfaces", objectOr(this.manifest, "interfaces", false));
            payload.set("runtime_profile", plan.runtimeProfile());
            return this.appIds.find().flatMap(existing -> {
                if (existing.isPresent() && onExisting.equals("error")) {
                    return Mono.error(new AraException("Project '" + this.slug
                            + "' already exists for this account (app_id=" + existing.get() + ")."));
                }
                Mono<String> appId = existing.isPresent() ? updateIfChanged(existing.get(), payload, options.activate())
                        : create(payload, options.activate(), onExisting);
                return appId.doOnNext(this.appIds::remember).flatMap(id -> this.secrets.sync(id, plan)
                        .flatMap(secrets -> runtimeKey(id, options)
                                .flatMap(key -> warmup(id, key.auth(), options)
                                        .map(Optional::of).defaultIfEmpty(Optional.empty())
                                        .map(warm -> new DeployResult(id, this.slug, key.created(), key.value(),
                                                warm.orElse(null), secrets)))));
            });
        });
    }

    /**
     * The app's runtime credential without piling keys up: a configured key (or app-header key) is used, never minted
     * over; a key this process already holds for the slug is reused; else one key is minted under the one fixed name
     * ({@code keyName} or {@code <slug>-py-local}), which supersedes the older key of that name on ara-local.
     */
    private Mono<RuntimeKeys.Chosen> runtimeKey(String appId, DeployOptions options) {
        String name = options.keyName() != null && !options.keyName().isBlank() ? options.keyName().strip()
                : this.slug + "-py-local";
        return this.keys.forDeploy(appId, name, options.keyRpm(), "deploy failed: runtime key missing");
    }

    /**
     * {@code PATCH /apps/{id}} unless the stored definition ({@code GET /apps/{id}}) already equals the payload, so an
     * unchanged manifest deployed by every replica and restart writes nothing. A backend that does not answer the read
     * (or stores the manifest normalised differently) gets the PATCH, as the reference's flow does.
     */
    private Mono<String> updateIfChanged(String appId, ObjectNode payload, boolean activate) {
        return this.http.call(HttpMethod.GET, AraUri.of("/apps/{app_id}", appId), null, this.http.controlPlane())
                .map(stored -> StoredApp.matches(stored, payload, activate))
                .onErrorResume(AraApiException.class, ex -> Mono.just(false))
                .flatMap(same -> same ? Mono.just(appId) : update(appId, payload, activate));
    }

    private Mono<String> update(String appId, ObjectNode payload, boolean activate) {
        ObjectNode body = payload.deepCopy();
        if (activate) {
            body.put("status", "active");
        }
        return this.http.call(HttpMethod.PATCH, AraUri.of("/apps/{app_id}", appId), body,
                this.http.controlPlane()).thenReturn(appId);
    }

    /**
     * {@code POST /apps}; a 409 means another instance created the app between our lookup and this call (replicas
     * starting together): the app is found again by slug and updated, so concurrent deploys leave one app. A 409 with
     * no owned app of the slug is the reference's "name taken" error.
     */
    private Mono<String> create(ObjectNode payload, boolean activate, String onExisting) {
        ObjectNode body = payload.deepCopy();
        body.put("slug", this.slug);
        Mono<String> created = this.http.call(HttpMethod.POST, AraUri.of("/apps"), body, this.http.controlPlane())
                .flatMap(answer -> {
                    String id = Json.text(Json.node(answer, "app"), "id");
                    return id == null || id.isBlank() ? Mono.error(new AraException("deploy failed: missing app id"))
                            : Mono.just(id);
                });
        if (activate) {
            created = created.flatMap(id -> this.http.call(HttpMethod.PATCH, AraUri.of("/apps/{app_id}", id),
                    Map.of("status", "active"), this.http.controlPlane()).thenReturn(id));
        }
        return created.onErrorResume(AraApiException.class, ex -> ex.getStatus() != 409 ? Mono.error(ex)
                : this.appIds.find().flatMap(raced -> raced.isPresent() && onExisting.equals("update")
                        ? updateIfChanged(raced.get(), payload, activate)
                        : Mono.error(raced.isPresent() ? new AraException("Project '" + this.slug
                                + "' already exists for this account (app_id=" + raced.get() + ").")
                                : nameTaken(ex))));
    }

    private static AraApiException nameTaken(AraApiException ex) {
        return new AraApiException("Project name is already taken. Choose a different DNS-safe project_name "
                + "(lowercase letters, digits, hyphens) and retry deploy.", 409, ex.getMethod(), ex.getPath(),
                ex.getResponseBody(), null);
    }

    record SecretPlan(ObjectNode runtimeProfile, List<Secret> definitions, boolean reconcile) {
    }

    SecretPlan secretPlan(DeployOptions options) {
        JsonNode profileNode = this.manifest.get("runtime_profile");
        ObjectNode profile = profileNode instanceof ObjectNode o ? o.deepCopy() : AraJson.mapper().createObjectNode();
        boolean hadRefs = profile.has("secret_refs");
        Map<String, Secret> definitions = new LinkedHashMap<>();
        for (Secret definition : options.secrets()) {
            definitions.putIfAbsent(definition.name(), definition);
        }
        LinkedHashSet<String> required = new LinkedHashSet<>();
        addKeys(required, options.requiredEnvKeys());
        addKeys(required, Json.texts(profile.get("__required_env_keys")));
        JsonNode tools = Json.node(Json.node(this.manifest, "agent"), "tools");
        if (tools != null && tools.isArray()) {
            for (JsonNode tool : tools) {
                addKeys(required, Json.texts(tool.get("required_env")));
                String source = Json.text(tool, "source");
                if (source != null) {
                    Matcher matcher = SECRET_CALL.matcher(source);
                    while (matcher.find()) {
                        String key = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
                        if (EnvKeys.isUserKey(key)) {
                            required.add(key);
                        }
                    }
                }
            }
        }
        profile.remove("__secret_definitions");
        profile.remove("__required_env_keys");
        ArrayNode refs = profile.get("secret_refs") instanceof ArrayNode a ? a : null;
        if (!required.isEmpty()) {
            Map<String, String> values = new LinkedHashMap<>();
            List<String> missing = new ArrayList<>();
            for (String key : required) {
                String value = this.http.credentials().environment().getTrimmed(key);
                if (value == null) {
                    missing.add(key);
                }
                else {
                    values.put(key, value);
                }
            }
            if (!missing.isEmpty()) {
                throw new AraException("Missing required environment variables for deploy-time secret sync: "
                        + String.join(", ", missing));
            }
            Secret envSecret = Secret.fromDict(values);
            definitions.putIfAbsent(envSecret.name(), envSecret);
        }
        if (!definitions.isEmpty()) {
            if (refs == null) {
                refs = profile.putArray("secret_refs");
            }
            Set<String> referenced = new LinkedHashSet<>();
            for (JsonNode ref : refs) {
                String name = Json.text(ref, "name");
                if (name != null) {
                    referenced.add(name.strip().toLowerCase(Locale.ROOT));
                }
            }
            for (Secret definition : definitions.values()) {
                if (referenced.add(definition.name())) {
                    ObjectNode ref = refs.addObject();
                    ref.put("name", definition.name());
                    if (!definition.requiredKeys().isEmpty()) {
                        ArrayNode keys = ref.putArray("required_keys");
                        definition.requiredKeys().forEach(keys::add);
                    }
                }
            }
        }
        boolean reconcile = hadRefs || profile.has("secret_refs");
        return new SecretPlan(profile, List.copyOf(definitions.values()), reconcile);
    }

    private static void addKeys(Set<String> target, List<String> keys) {
        for (String key : keys) {
            String trimmed = key == null ? "" : key.strip();
            if (!trimmed.isEmpty()) {
                target.add(trimmed);
            }
        }
    }

    private Mono<JsonNode> warmup(String appId, Auth auth, DeployOptions options) {
        if (!options.warm()) {
            return Mono.empty();
        }
        return this.runs.postRun(appId, options.warmAgentId(), true, AraJson.mapper().createObjectNode(), auth);
    }
}
