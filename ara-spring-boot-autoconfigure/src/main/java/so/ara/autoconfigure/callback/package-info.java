/**
 * The callback bridge: signed HTTP routes through which Ara's runtime (the generated Python of
 * {@link so.ara.manifest.PythonSources}) and ara-local invoke the app's Java tools and prompt methods.
 */
package so.ara.autoconfigure.callback;
