package so.ara.autoconfigure;

import so.ara.manifest.AppManifestBuilder;

/**
 * Adjusts the app before its manifest is built: set a runtime profile or interfaces in code, or add agents and tools
 * declared programmatically. Customizers run in {@code @Order}, after {@code application.yml} was applied.
 */
@FunctionalInterface
public interface AraManifestCustomizer {

    void customize(AppManifestBuilder builder);
}
