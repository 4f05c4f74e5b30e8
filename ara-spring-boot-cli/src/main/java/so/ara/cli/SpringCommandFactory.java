package so.ara.cli;

import picocli.CommandLine;

import org.springframework.beans.factory.config.AutowireCapableBeanFactory;

/**
 * picocli {@link CommandLine.IFactory} backed by Spring: command classes are created (and their constructors
 * autowired) by the application's bean factory; everything else (mixins, converters, collections) by picocli's
 * default factory.
 */
public class SpringCommandFactory implements CommandLine.IFactory {

    private final AutowireCapableBeanFactory beanFactory;

    public SpringCommandFactory(AutowireCapableBeanFactory beanFactory) {
        this.beanFactory = beanFactory;
    }

    @Override
    public <K> K create(Class<K> cls) throws Exception {
        if (cls.isAnnotationPresent(CommandLine.Command.class)) {
            return this.beanFactory.createBean(cls);
        }
        return CommandLine.defaultFactory().create(cls);
    }
}
