package so.ara.autoconfigure.callback;

import java.time.Clock;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import so.ara.autoconfigure.AraAppDefinition;
import so.ara.autoconfigure.AraConnection;
import so.ara.autoconfigure.AraManifestAutoConfiguration;
import so.ara.autoconfigure.AraProperties;
import so.ara.autoconfigure.replay.ReplayProtection;
import so.ara.manifest.PythonSources;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The callback bridge: the routes Ara's runtime (through the generated Python, or ara-local directly) calls to run
 * the app's Java tools ({@code POST /ara/callbacks/tools/{toolId}}) and prompt methods
 * ({@code POST /ara/callbacks/agents/{agentId}/prompt}), signed with the {@link AraCallbackSecret}; each delivery id
 * is claimed once in the replay store (shared by replicas with Redis). In remote mode startup fails unless the
 * callbacks have a shared base URL ({@link SharedCallbackUrlRequirement}). WebFlux applies
 * {@code spring.webflux.base-path} to these routes itself.
 */
@AutoConfiguration(after = AraManifestAutoConfiguration.class)
@ConditionalOnWebApplication(type = Type.REACTIVE)
@ConditionalOnClass(RouterFunction.class)
@ConditionalOnBean(AraAppDefinition.class)
public final class AraCallbackAutoConfiguration {

    /** The route of a Java tool. */
    public static final String TOOL_ROUTE = PythonSources.TOOL_PATH + "{toolId}";

    /** The route of an agent's Java prompt method. */
    public static final String PROMPT_ROUTE = PythonSources.AGENT_PATH + "{agentId}/prompt";

    private static final Log logger = LogFactory.getLog(AraCallbackAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    AraCallbackSecret araCallbackSecret(AraProperties properties, AraAppDefinition definition,
            ObjectProvider<AraConnection> connection) {
        AraCallbackSecret secret = CallbackSecrets.choose(properties.callback().secret(),
                connection.getIfAvailable(), definition.slug());
        switch (secret.source()) {
            case DERIVED -> logger.info("Ara callback secret derived from the Ara credential and the app slug (the"
                    + " same on every instance using that credential); deploy syncs it to Ara as "
                    + PythonSources.CALLBACK_SECRET_NAME);
            case GENERATED -> logger.info("Ara callback secret generated for this start (set ara.callback.secret to"
                    + " share it between instances and keep it across restarts); deploy syncs it to Ara as "
                    + PythonSources.CALLBACK_SECRET_NAME);
            default -> {
            }
        }
        return secret;
    }

    @Bean
    @ConditionalOnMissingBean(name = "araCallbackRouterFunction")
    RouterFunction<ServerResponse> araCallbackRouterFunction(AraAppDefinition definition, AraCallbackSecret secret,
            AraProperties properties, ObjectProvider<AraConnection> connection,
            ObjectProvider<ReplayProtection> replay, BeanFactory beanFactory) {
        int callbacks = definition.methods().tools().size() + definition.methods().agents().size();
        SharedCallbackUrlRequirement.check(connection.getIfAvailable(), properties.deploy().onStartup(),
                definition.slug(), callbacks, properties.callback().baseUrl());
        ReplayProtection replayProtection = replay.getIfAvailable(() -> ReplayProtection.inMemory(definition.slug()));
        AraCallbackHandler handler = new AraCallbackHandler(definition.methods(), beanFactory,
                new CallbackSignatureVerifier(secret, Clock.systemUTC(), replayProtection), callbackJsonMapper());
        logger.info("Ara callback routes: POST " + TOOL_ROUTE + " (" + definition.methods().tools().size()
                + " Java tools), POST " + PROMPT_ROUTE + " (" + definition.methods().agents().size()
                + " prompt methods)");
        return RouterFunctions.route()
            .POST(TOOL_ROUTE, handler::tool)
            .POST(PROMPT_ROUTE, handler::prompt)
            .route(RequestPredicates.path(TOOL_ROUTE).or(RequestPredicates.path(PROMPT_ROUTE)),
                    handler::methodNotAllowed)
            .build();
    }

    /**
     * Binds arguments by the names of the generated schema (no naming strategy; fields visible like the schema's
     * POJO properties) and writes results the same way, independent of the application's own mapper.
     */
    static JsonMapper callbackJsonMapper() {
        return JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .changeDefaultVisibility(visibility -> visibility.withFieldVisibility(JsonAutoDetect.Visibility.ANY))
            .build();
    }
}
