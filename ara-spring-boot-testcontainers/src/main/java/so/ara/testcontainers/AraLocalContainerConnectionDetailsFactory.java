package so.ara.testcontainers;

import org.springframework.boot.testcontainers.service.connection.ContainerConnectionDetailsFactory;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionSource;
import so.ara.autoconfigure.AraConnectionDetails;

/** Makes {@code @ServiceConnection AraLocalContainer} the app's {@link AraConnectionDetails}. */
class AraLocalContainerConnectionDetailsFactory
        extends ContainerConnectionDetailsFactory<AraLocalContainer, AraConnectionDetails> {

    AraLocalContainerConnectionDetailsFactory() {
        super(ANY_CONNECTION_NAME);
    }

    @Override
    protected AraConnectionDetails getContainerConnectionDetails(ContainerConnectionSource<AraLocalContainer> source) {
        return new AraLocalContainerConnectionDetails(source);
    }

    static final class AraLocalContainerConnectionDetails extends ContainerConnectionDetails<AraLocalContainer>
            implements AraConnectionDetails {

        AraLocalContainerConnectionDetails(ContainerConnectionSource<AraLocalContainer> source) {
            super(source);
        }

        @Override
        public String baseUrl() {
            return getContainer().baseUrl();
        }

        @Override
        public String apiKey() {
            return getContainer().apiKey();
        }
    }
}
