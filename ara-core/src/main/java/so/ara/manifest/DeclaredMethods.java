package so.ara.manifest;

import java.lang.reflect.Method;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which bean method implements each agent's prompt and each tool, by id: what the callback routes invoke. Filled while
 * the declarations are read; duplicates keep the first (the manifest build reports them).
 */
public final class DeclaredMethods {

    private final Map<String, Target> agents = new LinkedHashMap<>();
    private final Map<String, Target> tools = new LinkedHashMap<>();

    void agent(String id, String beanName, Method method) {
        agents.putIfAbsent(id, new Target(beanName, method));
    }

    void tool(String id, String beanName, Method method) {
        tools.putIfAbsent(id, new Target(beanName, method));
    }

    /** Agent id to the method building its prompt. */
    public Map<String, Target> agents() {
        return Collections.unmodifiableMap(agents);
    }

    /** Tool id to the method implementing it. */
    public Map<String, Target> tools() {
        return Collections.unmodifiableMap(tools);
    }

    /**
     * A bean method. {@code method} is the user class's method; invoke it on the bean (which may be a proxy) through
     * {@code AopUtils.selectInvocableMethod}.
     */
    public record Target(String beanName, Method method) {
    }
}
