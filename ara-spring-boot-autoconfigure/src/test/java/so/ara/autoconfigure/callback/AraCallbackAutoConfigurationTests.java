package so.ara.autoconfigure.callback;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.webflux.autoconfigure.HttpHandlerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.EnableAspectJAutoProxy;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import so.ara.auth.AraSignature;
import so.ara.autoconfigure.AraManifestAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

class AraCallbackAutoConfigurationTests {

    static final String SECRET = "callback-test-secret";

    private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(AraManifestAutoConfiguration.class,
                AraCallbackAutoConfiguration.class, WebFluxAutoConfiguration.class,
                HttpHandlerAutoConfiguration.class, JacksonAutoConfiguration.class, CodecsAutoConfiguration.class))
        .withPropertyValues("ara.project-name=support-desk", "ara.callback.secret=" + SECRET);

    @Test
    void toolWithRecordEnumOptionalAndDefaultIsInvokedWithBoundArguments() {
        runner.withBean(SupportDeskTools.class).run(context -> {
            call(context, "/ara/callbacks/tools/lookupTicket", """
                    {"ticketId":"T-42","query":{"subject":"Printer on fire",\
                    "contact":{"customer_email":"ann@example.com","name":"Ann"},"tags":["hw","urgent"]},"priority":"HIGH","note":null,"ignored":1}""")
                .expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectBody(String.class).isEqualTo("{\"result\":{\"id\":\"T-42\",\"subject\":\"Printer on fire\","
                        + "\"customerEmail\":\"Ann <ann@example.com>\",\"priority\":\"HIGH\",\"note\":\"(none)\",\"limit\":3,"
                        + "\"team\":\"(unassigned)\",\"tags\":[\"hw\",\"urgent\"]}}");
            call(context, "/ara/callbacks/tools/lookupTicket", """
                    {"ticketId":"T-7","query":{"subject":"Login","contact":{"customer_email":"bo@example.com",\
                    "name":"Bo"},"team":"auth","tags":[]},"priority":"LOW","note":"VIP","limit":9}""")
                .expectStatus().isOk()
                .expectBody(String.class).isEqualTo("{\"result\":{\"id\":\"T-7\",\"subject\":\"Login\","
                        + "\"customerEmail\":\"Bo <bo@example.com>\",\"priority\":\"LOW\",\"note\":\"VIP\",\"limit\":9,"
                        + "\"team\":\"auth\",\"tags\":[]}}");
        });
    }

    @Test
    void reactiveToolsAreSubscribedAndFluxesCollected() {
        runner.withBean(SupportDeskTools.class).run(context -> {
            call(context, "/ara/callbacks/tools/countOpen", "{\"team\":\"billing\"}").expectStatus().isOk()
                .expectBody(String.class).isEqualTo("{\"result\":70}");
            call(context, "/ara/callbacks/tools/listTags", "{\"count\":3}").expectStatus().isOk()
                .expectBody(String.class).isEqualTo("{\"result\":[\"tag-1\",\"tag-2\",\"tag-3\"]}");
        });
    }

    @Test
    void blockingToolsRunOnBoundedElasticAndVoidAnswersNull() {
        runner.withBean(SupportDeskTools.class).run(context -> {
            String body = call(context, "/ara/callbacks/tools/whereAmI", "{}").expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
            assertThat(body).startsWith("{\"result\":\"boundedElastic-");
            call(context, "/ara/callbacks/tools/archive", "{\"ticketId\":\"T-1\"}").expectStatus().isOk()
                .expectBody(String.class).isEqualTo("{\"result\":null}");
        });
    }

    @Test
    void promptMethodWithMapInput() {
        runner.withBean(SupportDeskTools.class).run(context -> call(context, "/ara/callbacks/agents/triage/prompt",
                "{\"input\":{\"ticketId\":\"T-9\",\"channel\":\"email\"}}")
            .expectStatus().isOk()
            .expectBody(String.class).isEqualTo("{\"result\":\"Triage ticket T-9 from email.\"}"));
    }

    @Test
    void promptMethodWithRecordInput() {
        runner.withBean(SupportDeskTools.class).run(context -> {
            call(context, "/ara/callbacks/agents/escalation/prompt",
                    "{\"input\":{\"ticketId\":\"T-3\",\"priority\":\"HIGH\",\"reason\":\"outage\"}}")
                .expectStatus().isOk()
                .expectBody(String.class).isEqualTo("{\"result\":\"Escalate T-3 at HIGH because outage.\"}");
            call(context, "/ara/callbacks/agents/escalation/prompt",
                    "{\"input\":{\"ticketId\":\"T-4\",\"priority\":\"LOW\"}}")
                .expectStatus().isOk()
                .expectBody(String.class).isEqualTo("{\"result\":\"Escalate T-4 at LOW because no reason given.\"}");
            call(context, "/ara/callbacks/agents/escalation/prompt", "{\"input\":{\"ticketId\":\"T-4\"}}")
                .expectStatus().isBadRequest()
                .expectBody(String.class).isEqualTo(problem(400, "Invalid arguments",
                        "Parameter 'input.priority' of agent 'escalation' is required",
                        "/ara/callbacks/agents/escalation/prompt"));
        });
    }

    @Test
    void proxiedBeansAreInvokedThroughTheProxy() {
        runner.withUserConfiguration(ProxyConfig.class).run(context -> {
            assertThat(AopUtils.isCglibProxy(context.getBean(SupportDeskTools.class))).isTrue();
            call(context, "/ara/callbacks/tools/countOpen", "{\"team\":\"ops\"}").expectStatus().isOk()
                .expectBody(String.class).isEqualTo("{\"result\":30}");
            call(context, "/ara/callbacks/agents/triage/prompt", "{\"input\":{\"ticketId\":\"T-1\",\"channel\":\"chat\"}}")
                .expectStatus().isOk()
                .expectBody(String.class).isEqualTo("{\"result\":\"Triage ticket T-1 from chat.\"}");
            assertThat(context.getBean(PassThroughAspect.class).calls.get()).isEqualTo(2);
        });
    }

    @Test
    void badSignatureIsRejectedWithoutSayingWhy() {
        runner.withBean(SupportDeskTools.class).run(context -> {
            byte[] body = "{\"team\":\"ops\"}".getBytes(StandardCharsets.UTF_8);
            long now = Instant.now().getEpochSecond();
            String signature = AraSignature.sign("wrong-secret", now, "d-1", body);
            client(context).post().uri("/ara/callbacks/tools/countOpen").contentType(MediaType.APPLICATION_JSON)
                .header(AraSignature.TIMESTAMP_HEADER, Long.toString(now))
                .header(AraSignature.DELIVERY_ID_HEADER, "d-1")
                .header(AraSignature.SIGNATURE_HEADER, signature)
                .bodyValue(body).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).isEqualTo(unauthorized("/ara/callbacks/tools/countOpen"));
            client(context).post().uri("/ara/callbacks/tools/countOpen").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange()
                .expectStatus().isUnauthorized()
                .expectBody(String.class).isEqualTo(unauthorized("/ara/callbacks/tools/countOpen"));
        });
    }

    @Test
    void staleTimestampIsRejected() {
        runner.withBean(SupportDeskTools.class).run(context -> {
            long stale = Instant.now().getEpochSecond() - 301;
            call(context, "/ara/callbacks/tools/countOpen", "{\"team\":\"ops\"}", stale, "d-stale")
                .expectStatus().isUnauthorized()
                .expectBody(String.class).isEqualTo(unauthorized("/ara/callbacks/tools/countOpen"));
            long future = Instant.now().getEpochSecond() + 301;
            call(context, "/ara/callbacks/tools/countOpen", "{\"team\":\"ops\"}", future, "d-future")
                .expectStatus().isUnauthorized();
        });
    }

    @Test
    void replayedDeliveryIsRejected() {
        runner.withBean(SupportDeskTools.class).run(context -> {
            long now = Instant.now().getEpochSecond();
            call(context, "/ara/callbacks/tools/countOpen", "{\"team\":\"ops\"}", now, "d-once").expectStatus().isOk();
            call(context, "/ara/callbacks/tools/countOpen", "{\"team\":\"ops\"}", now, "d-once")
                .expectStatus().isUnauthorized()
                .expectBody(String.class).isEqualTo(unauthorized("/ara/callbacks/tools/countOpen"));
        });
    }

    @Test
    void wrongArgumentTypeNamesTheParameter() {
        runner.withBean(SupportDeskTools.class).run(context -> {
            call(context, "/ara/callbacks/tools/lookupTicket", "{\"ticketId\":42,\"query\":{},\"priority\":\"LOW\"}")
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).isEqualTo(problem(400, "Invalid arguments",
                        "Parameter 'ticketId' of tool 'lookupTicket': expected string",
                        "/ara/callbacks/tools/lookupTicket"));
            call(context, "/ara/callbacks/tools/lookupTicket", "{\"ticketId\":\"T-1\",\"query\":{\"subject\":\"s\","
                    + "\"contact\":{\"customer_email\":\"e\",\"name\":\"n\"},\"tags\":[]},\"priority\":\"URGENT\"}")
                .expectStatus().isBadRequest()
                .expectBody(String.class).isEqualTo(problem(400, "Invalid arguments",
                        "Parameter 'priority' of tool 'lookupTicket': expected one of LOW, NORMAL, HIGH",
                        "/ara/callbacks/tools/lookupTicket"));
            call(context, "/ara/callbacks/tools/lookupTicket", "{\"ticketId\":\"T-1\",\"query\":{\"subject\":\"s\","
                    + "\"contact\":{\"customer_email\":\"e\",\"name\":\"n\"},\"tags\":[\"a\",7]},\"priority\":\"LOW\"}")
                .expectStatus().isBadRequest()
                .expectBody(String.class).isEqualTo(problem(400, "Invalid arguments",
                        "Parameter 'query.tags[1]' of tool 'lookupTicket': expected string",
                        "/ara/callbacks/tools/lookupTicket"));
            call(context, "/ara/callbacks/tools/listTags", "{\"count\":2.5}")
                .expectStatus().isBadRequest()
                .expectBody(String.class).isEqualTo(problem(400, "Invalid arguments",
                        "Parameter 'count' of tool 'listTags': expected integer", "/ara/callbacks/tools/listTags"));
        });
    }

    @Test
    void missingRequiredParameterIsNamed() {
        runner.withBean(SupportDeskTools.class).run(context -> {
            call(context, "/ara/callbacks/tools/lookupTicket", "{\"query\":{},\"priority\":\"LOW\"}")
                .expectStatus().isBadRequest()
                .expectBody(String.class).isEqualTo(problem(400, "Invalid arguments",
                        "Parameter 'ticketId' of tool 'lookupTicket' is required",
                        "/ara/callbacks/tools/lookupTicket"));
            call(context, "/ara/callbacks/tools/lookupTicket",
                    "{\"ticketId\":\"T-1\",\"query\":{\"subject\":\"s\",\"contact\":{\"name\":\"n\"},"
                    + "\"tags\":[]},\"priority\":\"LOW\"}")
                .expectStatus().isBadRequest()
                .expectBody(String.class).isEqualTo(problem(400, "Invalid arguments",
                        "Parameter 'query.contact.customer_email' of tool 'lookupTicket' is required",
                        "/ara/callbacks/tools/lookupTicket"));
            call(context, "/ara/callbacks/tools/countOpen", "[\"ops\"]")
                .expectStatus().isBadRequest()
                .expectBody(String.class).isEqualTo(problem(400, "Invalid arguments",
                        "The arguments of tool 'countOpen' must be a JSON object", "/ara/callbacks/tools/countOpen"));
            call(context, "/ara/callbacks/tools/countOpen", "{\"team\":")
                .expectStatus().isBadRequest()
                .expectBody(String.class).isEqualTo(problem(400, "Invalid arguments",
                        "The callback body is not valid JSON", "/ara/callbacks/tools/countOpen"));
        });
    }

    @Test
    void throwingToolAnswersToolFailedProblem() {
        runner.withBean(SupportDeskTools.class).run(context -> call(context, "/ara/callbacks/tools/closeTicket",
                "{\"ticketId\":\"T-5\"}")
            .expectStatus().isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR)
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody(String.class).isEqualTo(problem(500, "Tool failed",
                    "IllegalStateException: Ticket T-5 is locked", "/ara/callbacks/tools/closeTicket")));
    }

    @Test
    void failedMonoAndUnwritableResultAreProblems() {
        runner.withBean(SupportDeskTools.class).run(context -> {
            call(context, "/ara/callbacks/tools/failLater", "{\"ticketId\":\"T-6\"}")
                .expectStatus().isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR)
                .expectBody(String.class).isEqualTo(problem(500, "Tool failed",
                        "UnsupportedOperationException: Ticket T-6 cannot be reopened",
                        "/ara/callbacks/tools/failLater"));
            call(context, "/ara/callbacks/tools/loop", "{}")
                .expectStatus().isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).isEqualTo(problem(500, "Tool failed",
                        "The result cannot be written as JSON: InvalidDefinitionException", "/ara/callbacks/tools/loop"));
        });
    }

    @Test
    void unknownToolAndAgentAreNotFound() {
        runner.withBean(SupportDeskTools.class).run(context -> {
            call(context, "/ara/callbacks/tools/deleteEverything", "{}")
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).isEqualTo(problem(404, "Unknown tool",
                        "No Java tool 'deleteEverything' is declared in this app.",
                        "/ara/callbacks/tools/deleteEverything"));
            call(context, "/ara/callbacks/agents/nobody/prompt", "{\"input\":{}}")
                .expectStatus().isNotFound()
                .expectBody(String.class).isEqualTo(problem(404, "Unknown agent",
                        "No Java prompt method for agent 'nobody' is declared in this app.",
                        "/ara/callbacks/agents/nobody/prompt"));
        });
    }

    @Test
    void unknownToolWithoutValidSignatureIsUnauthorizedNotNotFound() {
        runner.withBean(SupportDeskTools.class).run(context -> client(context).post()
            .uri("/ara/callbacks/tools/deleteEverything").bodyValue("{}").exchange()
            .expectStatus().isUnauthorized());
    }

    @Test
    void oversizeBodyIsRejected() {
        runner.withBean(SupportDeskTools.class).run(context -> {
            String big = "{\"payload\":{\"blob\":\"" + "x".repeat(AraCallbackHandler.MAX_BODY_BYTES) + "\"}}";
            call(context, "/ara/callbacks/tools/echo", big)
                .expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).isEqualTo(problem(413, "Content Too Large",
                        "The callback body is larger than 1048576 bytes.", "/ara/callbacks/tools/echo"));
            String justFits = "{\"payload\":{\"blob\":\""
                    + "x".repeat(AraCallbackHandler.MAX_BODY_BYTES - 23) + "\"}}";
            assertThat(justFits.length()).isEqualTo(AraCallbackHandler.MAX_BODY_BYTES);
            call(context, "/ara/callbacks/tools/echo", justFits).expectStatus().isOk();
        });
    }

    @Test
    void otherMethodsAreNotAllowed() {
        runner.withBean(SupportDeskTools.class).run(context -> client(context).get()
            .uri("/ara/callbacks/tools/countOpen").exchange()
            .expectStatus().isEqualTo(HttpStatus.METHOD_NOT_ALLOWED)
            .expectHeader().valueEquals(HttpHeaders.ALLOW, "POST")
            .expectBody(String.class).isEqualTo(problem(405, "Method Not Allowed", "Ara callbacks accept POST only.",
                    "/ara/callbacks/tools/countOpen")));
    }

    @Test
    void configuredSecretIsUsedAndGeneratedOneIsRandomAndHidden() {
        runner.withBean(SupportDeskTools.class).run(context -> {
            AraCallbackSecret secret = context.getBean(AraCallbackSecret.class);
            assertThat(secret.value()).isEqualTo(SECRET);
            assertThat(secret.generated()).isFalse();
            assertThat(secret.toString()).isEqualTo("AraCallbackSecret[configured, value hidden]");
        });
        runner.withPropertyValues("ara.callback.secret=").withBean(SupportDeskTools.class).run(context -> {
            AraCallbackSecret secret = context.getBean(AraCallbackSecret.class);
            assertThat(secret.value()).matches("[0-9a-f]{64}");
            assertThat(secret.generated()).isTrue();
            assertThat(secret.toString()).isEqualTo("AraCallbackSecret[generated, value hidden]")
                .doesNotContain(secret.value());
            assertThat(secret.secretName()).isEqualTo("ara-java-callback");
            assertThat(secret.environmentVariable()).isEqualTo("JAVA_CALLBACK_SECRET");
            assertThat(AraCallbackSecret.generate().value()).isNotEqualTo(secret.value());
        });
    }

    @Test
    void nothingIsConfiguredOutsideAReactiveWebApplication() {
        new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(AraManifestAutoConfiguration.class,
                    AraCallbackAutoConfiguration.class))
            .withPropertyValues("ara.project-name=support-desk")
            .withBean(SupportDeskTools.class)
            .run(context -> {
                assertThat(context).hasNotFailed();
                assertThat(context).doesNotHaveBean(AraCallbackSecret.class);
                assertThat(context).doesNotHaveBean("araCallbackRouterFunction");
            });
    }

    @Test
    void userSecretBeanWins() {
        runner.withBean(SupportDeskTools.class)
            .withBean(AraCallbackSecret.class, () -> AraCallbackSecret.of("from-vault"))
            .run(context -> assertThat(context.getBean(AraCallbackSecret.class).value()).isEqualTo("from-vault"));
    }

    static WebTestClient client(ApplicationContext context) {
        return WebTestClient.bindToApplicationContext(context).build();
    }

    static WebTestClient.ResponseSpec call(ApplicationContext context, String path, String json) {
        return call(context, path, json, Instant.now().getEpochSecond(), UUID.randomUUID().toString());
    }

    static WebTestClient.ResponseSpec call(ApplicationContext context, String path, String json, long timestamp,
            String deliveryId) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return client(context).post().uri(path).contentType(MediaType.APPLICATION_JSON)
            .header(AraSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
            .header(AraSignature.DELIVERY_ID_HEADER, deliveryId)
            .header(AraSignature.SIGNATURE_HEADER, AraSignature.sign(SECRET, timestamp, deliveryId, body))
            .bodyValue(body)
            .exchange();
    }

    static String problem(int status, String title, String detail, String instance) {
        return "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
                + detail.replace("\"", "\\\"") + "\",\"instance\":\"" + instance + "\"}";
    }

    static String unauthorized(String instance) {
        return problem(401, "Unauthorized", "The callback signature is missing, invalid or expired.", instance);
    }

    @Aspect
    static class PassThroughAspect {

        final AtomicInteger calls = new AtomicInteger();

        @Around("execution(* so.ara.autoconfigure.callback.SupportDeskTools.*(..))")
        Object around(ProceedingJoinPoint joinPoint) throws Throwable {
            calls.incrementAndGet();
            return joinPoint.proceed();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAspectJAutoProxy(proxyTargetClass = true)
    static class ProxyConfig {

        @Bean
        SupportDeskTools supportDeskTools() {
            return new SupportDeskTools();
        }

        @Bean
        PassThroughAspect passThroughAspect() {
            return new PassThroughAspect();
        }
    }
}
