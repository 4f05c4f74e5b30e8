package so.ara.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares an Ara tool on a bean method. Its JSON parameter schema is derived from the method signature (records,
 * enums, lists, {@code Optional}); describe parameters with {@link AraParam}.
 * <p>
 * {@code ${...}} placeholders resolve in {@code id} and {@code requiredEnv}. Free text ({@code description},
 * {@code parameters}, {@code pythonSource}) is taken as written.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface AraTool {

    /** Tool id (the function name the model calls); defaults to the method name. */
    String id() default "";

    /** What the tool does, shown to the model. */
    String description() default "";

    /** Environment variables the tool needs at run time; deploy uploads their local values as a secret. */
    String[] requiredEnv() default {};

    /** A JSON schema used verbatim instead of the derived one. */
    String parameters() default "";

    /**
     * Python source used verbatim as the tool's implementation inside Ara, instead of the generated callback to this
     * app. Either inline text or {@code classpath:path/to/tool.py}.
     */
    String pythonSource() default "";
}
