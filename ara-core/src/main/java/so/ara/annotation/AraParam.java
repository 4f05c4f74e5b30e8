package so.ara.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Describes one tool parameter (or a record component of one) in the generated JSON schema. */
@Target({ ElementType.PARAMETER, ElementType.FIELD, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface AraParam {

    /** The parameter's name in the schema; defaults to the compiled name (needs {@code -parameters}). */
    String name() default "";

    /** Shown to the model as the parameter's {@code description}. */
    String description() default "";

    /** A JSON literal written as the schema's {@code default}; a parameter with a default is not required. */
    String defaultValue() default "";

    /** Set to false to make a parameter optional without a default. */
    boolean required() default true;
}
