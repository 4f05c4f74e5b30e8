package so.ara.autoconfigure.endpoint;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Connection timeouts the starter sets on the Reactor Netty server of an app serving Ara endpoints, so incomplete
 * requests cannot hold connections open forever. Responses that stream (server-sent events) are not affected.
 *
 * @param idleTimeout how long a connection may wait for a request (a new one, or the rest of its headers) before it is
 * closed; applies only while server.netty.idle-timeout is not set, which wins; 0 turns it off
 * @param readTimeout longest pause between reads of a request's body before the connection is closed; 0 turns it off
 */
@ConfigurationProperties("ara.server")
public record AraServerProperties(@DefaultValue("60s") Duration idleTimeout, @DefaultValue("30s") Duration readTimeout) {
}
