/**
 * How files outside Spring's own configuration ({@code .env}, {@code .env.local}, the CLI credentials file) and facts
 * about the launch enter the Spring {@code Environment}: as named property sources of the lowest precedence, visible
 * (sanitized) in {@code /actuator/env}.
 */
package so.ara.autoconfigure.env;
