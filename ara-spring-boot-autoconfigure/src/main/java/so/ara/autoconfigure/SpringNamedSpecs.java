package so.ara.autoconfigure;

import org.springframework.beans.factory.ListableBeanFactory;
import so.ara.manifest.NamedSpecs;
import so.ara.spec.RuntimeProfile;
import so.ara.spec.Sandbox;

/**
 * Resolves {@code @AraAgent(runtime = "x", sandbox = "y")}: a {@link RuntimeProfile} or {@link Sandbox} bean of that
 * name first, then {@code ara.runtimes.x} / {@code ara.sandboxes.y} properties.
 */
final class SpringNamedSpecs implements NamedSpecs {

    private final ListableBeanFactory beanFactory;
    private final AraProperties properties;
    private final RuntimeProfiles profiles;

    SpringNamedSpecs(ListableBeanFactory beanFactory, AraProperties properties, RuntimeProfiles profiles) {
        this.beanFactory = beanFactory;
        this.properties = properties;
        this.profiles = profiles;
    }

    @Override
    public RuntimeProfile runtime(String name) {
        if (beanFactory.containsBean(name) && beanFactory.isTypeMatch(name, RuntimeProfile.class)) {
            return beanFactory.getBean(name, RuntimeProfile.class);
        }
        AraProperties.Runtime runtime = properties.runtimes().get(name);
        if (runtime == null) {
            throw new IllegalArgumentException("no runtime profile named '" + name + "': define a RuntimeProfile bean"
                    + " named '" + name + "' or ara.runtimes." + name + ".* properties");
        }
        return profiles.runtime(runtime);
    }

    @Override
    public Sandbox sandbox(String name) {
        if (beanFactory.containsBean(name) && beanFactory.isTypeMatch(name, Sandbox.class)) {
            return beanFactory.getBean(name, Sandbox.class);
        }
        AraProperties.Sandbox sandbox = properties.sandboxes().get(name);
        if (sandbox == null) {
            throw new IllegalArgumentException("no sandbox named '" + name + "': define a Sandbox bean named '" + name
                    + "' or ara.sandboxes." + name + ".* properties");
        }
        return profiles.sandbox(sandbox, this::runtime);
    }
}
