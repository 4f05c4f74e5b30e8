package so.ara.gateway;

import java.time.Duration;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import static org.assertj.core.api.Assertions.assertThat;

/** What the default mapper answers and how loudly it logs each failure. */
class DefaultEndpointProblemMapperTests {

    private final DefaultEndpointProblemMapper mapper = new DefaultEndpointProblemMapper();

    private final Logger logger = (Logger) LoggerFactory.getLogger(DefaultEndpointProblemMapper.class);

    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void capture() {
        this.logged.start();
        this.logger.addAppender(this.logged);
        this.logger.setLevel(Level.INFO);
    }

    @AfterEach
    void release() {
        this.logger.detachAppender(this.logged);
        this.logger.setLevel(null);
    }

    @Test
    void aRateLimitedRuntimeIs429WithRetryAfterAndNoWarning() {
        ProblemDetail problem = this.mapper.problem(
                EndpointForwardingException.retryLater(HttpStatus.TOO_MANY_REQUESTS, Duration.ofSeconds(7), null),
                "/faq", "req_1");
        assertThat(problem.getStatus()).isEqualTo(429);
        assertThat(problem.getProperties()).containsEntry("retry_after", 7L);
        assertThat(this.logged.list).as("back-pressure is not logged at INFO or above").isEmpty();
    }

    @Test
    void aFailedRunIs502AndAWarningWithoutTheRunsInput() {
        ProblemDetail problem = this.mapper.problem(EndpointForwardingException.failedRun("run-1", "boom"), "/faq",
                "req_2");
        assertThat(problem.getStatus()).isEqualTo(502);
        assertThat(this.logged.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getFormattedMessage()).contains("/faq", "req_2", "-> 502");
        });
    }
}
