package so.ara.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.web.bind.annotation.RequestMethod;

/**
 * Exposes an {@link AraAgent} as an HTTP endpoint: declared in the manifest for Ara's gateway, and served locally at
 * {@link #path()} and {@code /v1/apps/<slug>/endpoints/<label>}. The request body reaches the agent as
 * {@code input["input"]}.
 * <p>
 * {@code ${...}} placeholders resolve in {@code path}, {@code label}, {@code headerName} and {@code secretEnv}, as
 * they do in {@code @Scheduled}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface AraEndpoint {

    /** GET, POST, PUT, PATCH, DELETE, OPTIONS or HEAD ({@code TRACE} is refused). */
    RequestMethod method() default RequestMethod.POST;

    /** Local path; defaults to {@code /<label>}. {@code ${...}} placeholders resolve. */
    String path() default "";

    /** Gateway label; defaults to the slug of the method name. {@code ${...}} placeholders resolve. */
    String label() default "";

    Auth auth() default Auth.NONE;

    /** Header carrying the secret in {@link Auth#HEADER} mode; defaults to {@code X-Ara-Endpoint-Secret}. */
    String headerName() default "";

    /**
     * Environment variable holding the secret; defaults to {@code ARA_ENDPOINT_<LABEL>_SECRET}. {@code ${...}}
     * placeholders resolve (to the variable's name, not its value).
     */
    String secretEnv() default "";

    /** List this endpoint in the app's OpenAPI document. */
    boolean docs() default false;

    enum Auth {
        NONE, HEADER, BEARER, HMAC
    }
}
