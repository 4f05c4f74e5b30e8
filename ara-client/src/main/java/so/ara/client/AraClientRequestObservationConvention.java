package so.ara.client;

import org.springframework.web.reactive.function.client.ClientRequestObservationContext;
import org.springframework.web.reactive.function.client.DefaultClientRequestObservationConvention;

/**
 * Spring's client observation convention under the name {@code ara.client.requests}: low-cardinality keys
 * {@code method}, {@code uri} (the template, for example {@code /v1/apps/{app_id}/run}), {@code status},
 * {@code outcome}, {@code exception} and {@code client.name}. To change them, set another convention with
 * {@link AraClientBuilder#observationConvention} (in a Spring Boot app, from an {@code AraClientCustomizer}).
 */
public class AraClientRequestObservationConvention extends DefaultClientRequestObservationConvention {

    public static final String NAME = "ara.client.requests";

    public AraClientRequestObservationConvention() {
        super(NAME);
    }

    @Override
    public String getContextualName(ClientRequestObservationContext context) {
        return "ara " + super.getContextualName(context);
    }
}
