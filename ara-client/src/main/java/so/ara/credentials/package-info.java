/**
 * Credential and environment resolution shared by the Ara clients: {@link so.ara.credentials.AraCredentials},
 * {@link so.ara.credentials.AraEnvironment} ({@code .env} layering without touching the process environment) and
 * {@link so.ara.credentials.CredentialsFile} ({@code ~/.ara/credentials.json} in the Python CLI's format).
 */
@NullMarked
package so.ara.credentials;

import org.jspecify.annotations.NullMarked;
