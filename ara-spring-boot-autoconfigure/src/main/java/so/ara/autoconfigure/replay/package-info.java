/**
 * Replay protection shared by replicas: the {@link so.ara.autoconfigure.replay.ReplayStore} SPI, its in-memory default
 * and Redis implementation, and {@link so.ara.autoconfigure.replay.ReplayProtection}, the claim step after a
 * signature check used by hmac endpoints and the Java callback routes.
 */
package so.ara.autoconfigure.replay;
