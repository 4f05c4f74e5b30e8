package so.ara.manifest;

import so.ara.spec.RuntimeProfile;
import so.ara.spec.Sandbox;

/** Looks up the runtime profiles and sandboxes that {@code @AraAgent(runtime = ..., sandbox = ...)} name. */
public interface NamedSpecs {

    /** The named runtime profile; throws {@link IllegalArgumentException} when there is none of that name. */
    RuntimeProfile runtime(String name);

    /** The named sandbox; throws {@link IllegalArgumentException} when there is none of that name. */
    Sandbox sandbox(String name);

    NamedSpecs NONE = new NamedSpecs() {
        @Override
        public RuntimeProfile runtime(String name) {
            throw new IllegalArgumentException("no runtime profile named '" + name + "'");
        }

        @Override
        public Sandbox sandbox(String name) {
            throw new IllegalArgumentException("no sandbox named '" + name + "'");
        }
    };
}
