package so.ara.autoconfigure;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.web.reactive.function.client.WebClient;
import so.ara.autoconfigure.env.AraEnvironmentSanitizingAutoConfiguration;
import so.ara.autoconfigure.env.AraSanitizingFunction;
import so.ara.autoconfigure.local.AraLocalModeAutoConfiguration;
import so.ara.autoconfigure.local.EmbeddedAraLocal;
import so.ara.client.AraClient;
import so.ara.client.AraClientBuilder;
import so.ara.client.AraClientSettings;
import so.ara.client.AraRuntimeClient;
import so.ara.local.AraLocalServer;
import so.ara.test.TicketTriage;

import static org.assertj.core.api.Assertions.assertThat;

class AraClientAutoConfigurationTests {

    // the blank ARA_* values shadow any the developer's own environment holds
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(AraManifestAutoConfiguration.class,
                    AraLocalModeAutoConfiguration.class, AraClientAutoConfiguration.class,
                    WebClientAutoConfiguration.class, AraEnvironmentSanitizingAutoConfiguration.class))
            .withPropertyValues("ara.project-name=ticket-triage", "ara.api-key=", "ara.api-base-url=",
                    "ara.runtime-key=", "ara.app-header-key=", "ARA_API_KEY=", "ARA_ACCESS_TOKEN=",
                    "ARA_API_BASE_URL=", "ARA_RUNTIME_KEY=", "ARA_APP_HEADER_KEY=")
            .withBean(TicketTriage.class);

    private final FailureAnalysisSupport analyzers = new FailureAnalysisSupport();

    @Test
    void apiKeyPropertyMeansRemoteAtTheConfiguredBaseUrl() {
        runner.withPropertyValues("ara.api-key=ak_test_123", "ara.api-base-url=https://ara.example.test").run(context -> {
            AraConnection connection = context.getBean(AraConnection.class);
            assertThat(connection.mode()).isEqualTo(AraProperties.Mode.REMOTE);
            assertThat(connection.credentials().apiBaseUrl()).isEqualTo("https://ara.example.test");
            assertThat(context).hasSingleBean(PropertiesAraConnectionDetails.class)
                    .doesNotHaveBean(EmbeddedAraLocal.class);
            assertThat(context.getBean(AraClient.class).slug()).isEqualTo("ticket-triage");
            assertThat(context).hasSingleBean(AraRuntimeClient.class);
            assertThat(context.getBean(AraDeployState.class).describe()).containsEntry("mode", "remote")
                    .containsEntry("status", "pending").containsEntry("baseUrl", "https://ara.example.test");
        });
    }

    @Test
    void environmentVariableNamesResolveThroughTheEnvironment() {
        runner.withPropertyValues("ARA_API_KEY=ak_env", "ARA_API_BASE_URL=https://env.example.test/").run(context -> {
            AraConnection connection = context.getBean(AraConnection.class);
            assertThat(connection.mode()).isEqualTo(AraProperties.Mode.REMOTE);
            assertThat(connection.credentials().apiBaseUrl()).isEqualTo("https://env.example.test");
            assertThat(connection.credentials().controlPlaneToken().block()).isEqualTo("ak_env");
            assertThat(context.getBean(PropertiesAraConnectionDetails.class).source())
                    .isEqualTo(so.ara.credentials.CredentialSource.ENV_API_KEY);
        });
    }

    @Test
    void connectionDetailsBeanWinsOverPropertiesAndReplacesTheDefault() {
        runner.withPropertyValues("ara.api-key=ak_from_properties", "ara.api-base-url=https://ignored.example.test")
                .withBean(AraConnectionDetails.class, () -> new AraConnectionDetails() {
                    @Override
                    public String baseUrl() {
                        return "http://127.0.0.1:7777";
                    }

                    @Override
                    public String apiKey() {
                        return "ak_from_container";
                    }
                }).run(context -> {
                    assertThat(context).doesNotHaveBean(PropertiesAraConnectionDetails.class);
                    AraConnection connection = context.getBean(AraConnection.class);
                    assertThat(connection.mode()).isEqualTo(AraProperties.Mode.REMOTE);
                    assertThat(connection.credentials().apiBaseUrl()).isEqualTo("http://127.0.0.1:7777");
                    assertThat(connection.credentials().controlPlaneToken().block()).isEqualTo("ak_from_container");
                });
    }

    @Test
    void connectionDetailsBeanKeepsTheEmbeddedControlPlaneOffInAutoMode() {
        runner.withBean(AraConnectionDetails.class, () -> new AraConnectionDetails() {
            @Override
            public String baseUrl() {
                return "http://127.0.0.1:7777";
            }

            @Override
            public String apiKey() {
                return "ak_other";
            }
        }).run(context -> {
            assertThat(context).doesNotHaveBean(EmbeddedAraLocal.class);
            assertThat(context.getBean(AraConnection.class).mode()).isEqualTo(AraProperties.Mode.REMOTE);
        });
    }

    @Test
    void autoWithoutCredentialsInDevelopmentStartsTheEmbeddedControlPlaneAsALifecycleBean() {
        runner.run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(EmbeddedAraLocal.class)
                    .doesNotHaveBean(PropertiesAraConnectionDetails.class);
            AraConnection connection = context.getBean(AraConnection.class);
            assertThat(connection.mode()).isEqualTo(AraProperties.Mode.LOCAL);
            String baseUrl = context.getBean(EmbeddedAraLocal.class).baseUrl();
            assertThat(baseUrl).startsWith("http://127.0.0.1:");
            assertThat(connection.credentials().apiBaseUrl()).isEqualTo(baseUrl);
            assertThat(connection.credentials().controlPlaneToken().block())
                    .isEqualTo(context.getBean(EmbeddedAraLocal.class).apiKey());
        });
    }

    @Test
    void embeddedControlPlaneStopsWithTheContext() {
        AtomicReference<EmbeddedAraLocal> local = new AtomicReference<>();
        runner.run(context -> local.set(context.getBean(EmbeddedAraLocal.class)));
        assertThat(local.get().toString()).isEqualTo("EmbeddedAraLocal[stopped]");
    }

    @Test
    void autoWithoutCredentialsInAPackagedAppFailsListingTheSourcesTried() {
        runner.withPropertyValues("ara.launch.packaged=true", "ara.launch.archive=file:/srv/desk.jar",
                "ara.credentials.file=/nonexistent/credentials.json").run(context -> {
                    assertThat(context).hasFailed();
                    FailureAnalysis analysis = this.analyzers.analyze(context.getStartupFailure());
                    assertThat(analysis.getDescription())
                            .contains("runs packaged (file:/srv/desk.jar)")
                            .contains("Credential sources tried:")
                            .contains("property ara.api-key")
                            .contains("environment variables ARA_API_KEY and ARA_ACCESS_TOKEN")
                            .contains(".env files: none found")
                            .contains("credentials file /nonexistent/credentials.json");
                    assertThat(analysis.getAction()).contains("ara.mode=local").contains("ara.api-key")
                            .contains("ara.mode=manifest-only");
                });
    }

    @Test
    void explicitLocalModeRunsEmbeddedEvenWhenPackagedOrWithCredentials() {
        runner.withPropertyValues("ara.mode=local", "ara.launch.packaged=true", "ara.api-key=ak_ignored")
                .run(context -> {
                    assertThat(context).hasSingleBean(EmbeddedAraLocal.class);
                    assertThat(context.getBean(AraConnection.class).mode()).isEqualTo(AraProperties.Mode.LOCAL);
                });
    }

    @Test
    void forcedRemoteWithoutCredentialsFailsWithAnAnalysis() {
        runner.withPropertyValues("ara.mode=remote", "ara.credentials.enabled=false").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(AraConnectionUnavailableException.class)
                    .hasMessage("ara.mode=remote, but no Ara credentials resolve.");
            FailureAnalysis analysis = this.analyzers.analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).contains("credentials file: disabled");
            assertThat(analysis.getAction()).contains("ara auth login");
        });
    }

    @Test
    void withoutAraLocalAutoModeFailsInsteadOfPretending() {
        runner.withClassLoader(new FilteredClassLoader(AraLocalServer.class)).run(context -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = this.analyzers.analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).contains("ara-local is not on the classpath");
            assertThat(analysis.getAction()).contains("so.ara:ara-local");
        });
    }

    @Test
    void localModeWithoutAraLocalFailsSayingWhatToAdd() {
        runner.withClassLoader(new FilteredClassLoader(AraLocalServer.class)).withPropertyValues("ara.mode=local")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(this.analyzers.analyze(context.getStartupFailure()).getAction())
                            .contains("so.ara:ara-local");
                });
    }

    @Test
    void withoutAraLocalCredentialsStillMeanRemote() {
        runner.withClassLoader(new FilteredClassLoader(AraLocalServer.class)).withPropertyValues("ara.api-key=ak_x")
                .run(context -> assertThat(context.getBean(AraConnection.class).mode())
                        .isEqualTo(AraProperties.Mode.REMOTE));
    }

    @Test
    void manifestOnlyNeverDeploys() {
        runner.withPropertyValues("ara.mode=manifest-only", "ara.api-key=ak_test").run(context -> {
            assertThat(context).doesNotHaveBean(EmbeddedAraLocal.class);
            assertThat(context.getBean(AraConnection.class).deploys()).isFalse();
            assertThat(context.getBean(AraDeployState.class).describe()).containsEntry("mode", "manifest-only")
                    .containsEntry("status", "disabled").doesNotContainKey("baseUrl");
        });
    }

    @Test
    void deployOnStartupCanBeTurnedOff() {
        runner.withPropertyValues("ara.api-key=ak_test", "ara.deploy.on-startup=false").run(context -> assertThat(
                context.getBean(AraDeployState.class).snapshot().status()).isEqualTo(AraDeployState.Status.DISABLED));
    }

    @Test
    void apiKeyNeverAppearsInTheConnectionDescription() {
        runner.withPropertyValues("ara.api-key=ak_super_secret_value").run(context -> {
            assertThat(context.getBean(AraConnection.class).credentials().toString())
                    .doesNotContain("ak_super_secret_value");
            assertThat(context.getBean(AraConnectionDetails.class).toString()).doesNotContain("ak_super_secret_value");
            assertThat(context.getBean(AraDeployState.class).describe().toString())
                    .doesNotContain("ak_super_secret_value");
        });
    }

    @Test
    void clientPropertiesAndCustomizersShapeBothClients() {
        AtomicReference<AraClientSettings> seen = new AtomicReference<>();
        AraClientCustomizer first = new OrderedCustomizer(1,
                builder -> builder.settings(s -> s.withChatTimeout(Duration.ofSeconds(7))));
        AraClientCustomizer second = new OrderedCustomizer(2, builder -> seen.set(builder.settings()));
        runner.withPropertyValues("ara.api-key=ak_x", "ara.client.timeout=3s", "ara.client.run-timeout=5m",
                "ara.client.max-retries=0", "ara.client.max-in-memory-size=2MB",
                "ara.client.reconnect.max-attempts=4", "ara.client.reconnect.initial-backoff=250ms")
                .withBean("second", AraClientCustomizer.class, () -> second)
                .withBean("first", AraClientCustomizer.class, () -> first)
                .run(context -> {
                    assertThat(context).hasSingleBean(AraClient.class).hasSingleBean(AraRuntimeClient.class);
                    context.getBean(AraClient.class);
                    AraClientSettings settings = seen.get();
                    assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(3));
                    assertThat(settings.runTimeout()).isEqualTo(Duration.ofMinutes(5));
                    assertThat(settings.maxRetries()).isZero();
                    assertThat(settings.maxInMemorySize()).isEqualTo(2 * 1024 * 1024);
                    assertThat(settings.maxReconnectAttempts()).isEqualTo(4);
                    assertThat(settings.reconnectInitialBackoff()).isEqualTo(Duration.ofMillis(250));
                    assertThat(settings.chatTimeout()).isEqualTo(Duration.ofSeconds(7));
                });
    }

    @Test
    void clientDefaultsMatchTheReference() {
        runner.withPropertyValues("ara.api-key=ak_x").run(context -> {
            AraClientSettings settings = AraClientSettingsMapper.settings(context.getBean(AraProperties.class).client());
            assertThat(settings).isEqualTo(AraClientSettings.defaults());
        });
    }

    @Test
    void customizerSeesTheResolvedCredentials() {
        AtomicReference<AraClientBuilder> seen = new AtomicReference<>();
        runner.withPropertyValues("ara.api-key=ak_x", "ara.api-base-url=https://c.example.test")
                .withBean(AraClientCustomizer.class, () -> seen::set)
                .run(context -> {
                    context.getBean(AraClient.class);
                    assertThat(seen.get().credentials().apiBaseUrl()).isEqualTo("https://c.example.test");
                });
    }

    @Test
    void clientsAreBuiltOnFirstUseNotAtStartup() {
        AtomicInteger built = new AtomicInteger();
        runner.withPropertyValues("ara.api-key=ak_x")
                .withBean(AraClientCustomizer.class, () -> builder -> built.incrementAndGet())
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(AraClient.class);
                    assertThat(built).hasValue(0);
                    context.getBean(AraClient.class);
                    context.getBean(AraClient.class);
                    assertThat(built).hasValue(1);
                    context.getBean(AraRuntimeClient.class);
                    assertThat(built).hasValue(2);
                });
    }

    @Test
    void backsOffWithoutWebClient() {
        runner.withClassLoader(new FilteredClassLoader(WebClient.class)).run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(AraClient.class).doesNotHaveBean(AraConnection.class)
                    .doesNotHaveBean(EmbeddedAraLocal.class);
        });
    }

    @Test
    void worksWithoutActuator() {
        runner.withPropertyValues("ara.api-key=ak_x")
                .withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate"))
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(AraClient.class)
                        .doesNotHaveBean(AraSanitizingFunction.class));
    }

    @Test
    void actuatorPresentRegistersTheSanitizer() {
        runner.withPropertyValues("ara.api-key=ak_x")
                .run(context -> assertThat(context).hasSingleBean(AraSanitizingFunction.class));
    }

    @Test
    void worksWithoutPicocli() {
        runner.withPropertyValues("ara.api-key=ak_x").withClassLoader(new FilteredClassLoader("picocli"))
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(AraClient.class));
    }

    record OrderedCustomizer(int order, AraClientCustomizer delegate)
            implements AraClientCustomizer, org.springframework.core.Ordered {

        @Override
        public void customize(AraClientBuilder builder) {
            this.delegate.customize(builder);
        }

        @Override
        public int getOrder() {
            return this.order;
        }
    }
}
