package so.ara.autoconfigure;

import org.springframework.core.env.Environment;

/** The base URL Ara's runtime calls back: {@code ara.callback.base-url} plus {@code spring.webflux.base-path}. */
final class CallbackUrls {

    private CallbackUrls() {
    }

    /** Null when no callback base URL is configured. */
    static String baseUrl(String configured, Environment environment) {
        if (configured == null || configured.isBlank()) {
            return null;
        }
        return withBasePath(configured.trim(), environment);
    }

    static String withBasePath(String url, Environment environment) {
        String base = url.replaceAll("/+$", "");
        String basePath = environment.getProperty("spring.webflux.base-path", "").trim().replaceAll("/+$", "");
        if (basePath.isEmpty() || base.endsWith(basePath)) {
            return base;
        }
        return base + (basePath.startsWith("/") ? "" : "/") + basePath;
    }
}
