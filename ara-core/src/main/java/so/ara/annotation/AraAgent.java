package so.ara.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares an Ara agent on a bean method. The method takes the run input (a {@code Map<String, Object>} or a record)
 * and returns the prompt text for the run ({@code String} or {@code Mono<String>}).
 *
 * <pre>{@code
 * @AraAgent(entrypoint = true, instructions = "Triage incoming support tickets.", skills = "lookupTicket")
 * String triage(Map<String, Object> input) { return "Triage the ticket in " + input.get("input"); }
 * }</pre>
 * {@code ${...}} placeholders resolve in {@code id}, {@code skills}, {@code handoffTo}, {@code runtime} and
 * {@code sandbox}. Free text ({@code instructions}) is taken as written: prompts may contain {@code ${...}} literally.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface AraAgent {

    /** Agent id; defaults to the method name. */
    String id() default "";

    /** What the agent does (the reference's docstring): task, instructions and persona. */
    String instructions() default "";

    /** Marks the app's default agent (the last one marked wins, as in the reference). */
    boolean entrypoint() default false;

    /** Skills (tool ids, built-ins such as {@code automation_create}, connector tokens). Empty means none. */
    String[] skills() default {};

    /** Agents this one may hand off to. */
    String[] handoffTo() default {};

    boolean alwaysOn() default true;

    /**
     * Name of a runtime profile for this agent: a {@code RuntimeProfile} bean of that name, or
     * {@code ara.runtimes.<name>.*} properties. Empty means the app's runtime.
     */
    String runtime() default "";

    /** Name of a sandbox: a {@code Sandbox} bean of that name, or {@code ara.sandboxes.<name>.*} properties. */
    String sandbox() default "";
}
