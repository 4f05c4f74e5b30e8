package so.ara.autoconfigure;

import java.lang.reflect.Proxy;
import java.util.List;

import org.springframework.aop.scope.ScopedProxyUtils;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.util.ClassUtils;
import so.ara.manifest.AppManifestBuilder;
import so.ara.manifest.AraDeclarations;
import so.ara.manifest.DeclaredMethods;

/**
 * Walks the bean definitions once and reads the Ara-annotated methods of each bean's user class, without creating
 * any bean: types come from the definitions, CGLIB subclasses are unwrapped to the class the user wrote. The target
 * bean behind a scoped proxy ({@code scopedTarget.*}) is skipped, as Spring for GraphQL skips it: the proxy bean
 * declares the same methods, and calls go through it.
 */
final class AraBeanScanner {

    private final ConfigurableListableBeanFactory beanFactory;
    private final AraDeclarations declarations;

    AraBeanScanner(ConfigurableListableBeanFactory beanFactory, AraDeclarations declarations) {
        this.beanFactory = beanFactory;
        this.declarations = declarations;
    }

    void scan(AppManifestBuilder builder, List<String> problems, DeclaredMethods methods) {
        for (String beanName : beanFactory.getBeanDefinitionNames()) {
            if (ScopedProxyUtils.isScopedTarget(beanName)) {
                continue;
            }
            Class<?> type = userType(beanName);
            if (type != null && !isFrameworkType(type)) {
                declarations.read(beanName, type, builder, problems::add, methods);
            }
        }
    }

    private Class<?> userType(String beanName) {
        BeanDefinition definition = beanFactory.getMergedBeanDefinition(beanName);
        if (definition.isAbstract()) {
            return null;
        }
        Class<?> type = beanFactory.getType(beanName, false);
        if (type == null || Proxy.isProxyClass(type)) {
            type = definition.getResolvableType().resolve();
        }
        return type == null ? null : ClassUtils.getUserClass(type);
    }

    /** Spring's and the JDK's own beans never carry Ara annotations; skipping them keeps startup fast. */
    private static boolean isFrameworkType(Class<?> type) {
        String name = type.getName();
        return name.startsWith("org.springframework.") || name.startsWith("java.") || name.startsWith("so.ara.local.")
                || name.startsWith("io.micrometer.") || name.startsWith("tools.jackson.");
    }
}
