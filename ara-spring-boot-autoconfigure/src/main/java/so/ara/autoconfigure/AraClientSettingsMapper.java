package so.ara.autoconfigure;

import so.ara.client.AraClientSettings;

/** {@code ara.client.*} as {@link AraClientSettings}. */
final class AraClientSettingsMapper {

    private AraClientSettingsMapper() {
    }

    static AraClientSettings settings(AraProperties.Client client) {
        AraProperties.Reconnect reconnect = client.reconnect();
        return AraClientSettings.defaults()
                .withTimeout(client.timeout())
                .withRunTimeout(client.runTimeout())
                .withConnectTimeout(client.connectTimeout())
                .withRetries(client.maxRetries(), client.retryBackoff())
                .withReconnect(reconnect.enabled(), reconnect.initialBackoff(), reconnect.maxBackoff(),
                        reconnect.maxAttempts() != null ? reconnect.maxAttempts() : Long.MAX_VALUE)
                .withStreamIdleTimeout(client.streamIdleTimeout())
                .withChatTimeout(client.chatTimeout())
                .withMaxInMemorySize((int) Math.min(Integer.MAX_VALUE, client.maxInMemorySize().toBytes()));
    }
}
