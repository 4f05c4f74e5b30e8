package so.ara.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs an {@link AraAgent} or {@link AraTool} method on a schedule. Give {@code cron}, {@code at} or {@code every}.
 * Ids are stable: the slug of {@code id} (or the method name), suffixed {@code --<trigger>} when several triggers are
 * given.
 * <p>
 * {@code ${...}} placeholders resolve in {@code id}, {@code cron}, {@code at}, {@code every}, {@code timezone},
 * {@code runAgent} and {@code runTool}, as they do in {@code @Scheduled}: {@code cron = "${desk.cron}"}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Repeatable(AraSchedules.class)
@Documented
public @interface AraSchedule {

    String id() default "";

    /** POSIX 5-field cron (minute hour day-of-month month day-of-week), evaluated in {@link #timezone()}. */
    String cron() default "";

    /** {@code HH:MM} daily times, 5-field cron expressions, or ISO-8601 one-shot instants (UTC unless an offset). */
    String[] at() default {};

    /**
     * Fixed interval, at least one minute, in whole seconds: plain seconds ({@code "3600"}), a simple duration
     * ({@code "90m"}, {@code "1h"}, {@code "2d"}; units {@code s}, {@code m}, {@code h}, {@code d}) or ISO-8601
     * ({@code "PT1H"}). Cannot be combined with cron or at.
     */
    String every() default "";

    String timezone() default "UTC";

    /** Run this agent instead of the annotated method's own agent or tool. */
    String runAgent() default "";

    /** Run this tool instead of the annotated method's own agent or tool. */
    String runTool() default "";

    /** JSON object given as the agent run's input. */
    String input() default "";

    /** JSON object given as the tool call's arguments. */
    String args() default "";
}
