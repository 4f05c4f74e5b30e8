package so.ara.manifest;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.core.MethodIntrospector;
import org.springframework.core.type.MethodMetadata;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.SimpleMetadataReaderFactory;
import org.springframework.util.StringValueResolver;

/**
 * Finds the Ara-annotated methods of one class (its own and inherited, including interface methods) and reads them in
 * source declaration order, so the manifest does not depend on the JVM's reflection order.
 */
public final class AraDeclarations {

    private final DeclarationReader reader;
    private final SimpleMetadataReaderFactory metadataReaders = new SimpleMetadataReaderFactory();

    public AraDeclarations(NamedSpecs namedSpecs) {
        this.reader = new DeclarationReader(namedSpecs);
    }

    /** With {@code values} resolving {@code ${...}} placeholders in configurable attributes. */
    public AraDeclarations(NamedSpecs namedSpecs, StringValueResolver values) {
        this.reader = new DeclarationReader(namedSpecs, values);
    }

    /** Whether the class has any Ara-annotated method; cheap enough to call for every bean type. */
    public static boolean hasDeclarations(Class<?> type) {
        return !annotatedMethods(type).isEmpty();
    }

    /** Reads every annotated method of {@code type} into {@code builder}, in declaration order. */
    public void read(String beanName, Class<?> type, AppManifestBuilder builder, Consumer<String> problems) {
        read(beanName, type, builder, problems, new DeclaredMethods());
    }

    /** As {@link #read(String, Class, AppManifestBuilder, Consumer)}, also recording which method implements what. */
    public void read(String beanName, Class<?> type, AppManifestBuilder builder, Consumer<String> problems,
            DeclaredMethods methods) {
        for (Method method : inDeclarationOrder(type, annotatedMethods(type))) {
            Object decl = reader.read("bean '" + beanName + "' method '" + method.getName() + "'", method, builder,
                    problems);
            if (decl instanceof AgentDecl agent) {
                methods.agent(agent.effectiveId(), beanName, method);
            }
            else if (decl instanceof ToolDecl tool) {
                methods.tool(tool.effectiveId(), beanName, method);
            }
        }
    }

    private static List<Method> annotatedMethods(Class<?> type) {
        return new ArrayList<>(MethodIntrospector
                .selectMethods(type, (MethodIntrospector.MetadataLookup<Boolean>) method ->
                        DeclarationReader.isAnnotated(method) ? Boolean.TRUE : null)
                .keySet());
    }

    private List<Method> inDeclarationOrder(Class<?> type, List<Method> methods) {
        if (methods.size() < 2) {
            // nothing to order: skip reading the class file (most beans declare nothing)
            return methods;
        }
        Map<String, Integer> positions = declarationPositions(type);
        methods.sort(Comparator.<Method>comparingInt(m -> positions.getOrDefault(m.getName(), Integer.MAX_VALUE))
                .thenComparing(Method::getName).thenComparing(Method::toGenericString));
        return methods;
    }

    /** Method positions in the class file (ASM reads them in source order, unlike reflection). */
    private Map<String, Integer> declarationPositions(Class<?> type) {
        Map<String, Integer> positions = new HashMap<>();
        try {
            MetadataReader metadata = metadataReaders.getMetadataReader(type.getName());
            for (MethodMetadata method : metadata.getAnnotationMetadata().getDeclaredMethods()) {
                positions.putIfAbsent(method.getMethodName(), positions.size());
            }
        }
        catch (java.io.IOException | RuntimeException unreadable) {
            // generated or hidden classes: fall back to name order
        }
        return positions;
    }
}
