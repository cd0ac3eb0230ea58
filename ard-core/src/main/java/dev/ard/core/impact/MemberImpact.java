package dev.ard.core.impact;

import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Member-level impact (a hybrid, as HyRTS does it): for classes whose change is confined to method bodies, the tests
 * selected are those whose methods may call a changed method, walking the {@link CallGraph} from the changed methods to
 * their callers. Where the call graph cannot see, the change stays class-level ({@link Result#classLevel()}), so every
 * test that reaches the class runs as before:
 * <ul>
 *   <li>a changed static initializer, or a method a static initializer may call (it runs whenever the class is first
 *       used, not when called);</li>
 *   <li>a method the JVM calls by name for serialization ({@code readObject}, {@code writeReplace}, …);</li>
 *   <li>a method of a class named by a class-name string constant or a {@code META-INF/services} file (loaded and
 *       called by reflection, which the class-level graph follows by those names);</li>
 *   <li>an instance method that overrides or implements a method of a type outside the classes read ({@code equals},
 *       {@code compareTo}, {@code run}, {@code accept}, …): code outside the reactor may call it. JDK types are looked
 *       up exactly (the platform class loader lists their overridable methods); any other outside type is assumed to
 *       declare every method.</li>
 * </ul>
 * Reflection and cross-test state are as invisible here as at class level (documented in the architecture).
 */
final class MemberImpact {
    /** The serialization methods the JVM finds by name. */
    private static final Set<String> SERIALIZATION =
            Set.of("readObject", "writeObject", "readResolve", "writeReplace", "readObjectNoData");

    private static final Map<String, Set<String>> JDK_METHODS = new ConcurrentHashMap<>();

    /**
     * @param tests      test class → the method path that reaches a changed method ({@code FooTest.test → Bar.baz →
     *                   Qux.changed}), shortest found
     * @param classLevel class → why its change must be followed at class level
     */
    record Result(Map<String, List<String>> tests, Map<String, String> classLevel) {}

    private MemberImpact() {}

    /**
     * @param graph       the call graph of the classes read
     * @param bodyChanges class → the method keys ({@code name + descriptor}) whose bodies changed (and nothing else of
     *                    the class)
     * @param testClasses the test classes (internal names)
     */
    static Result of(CallGraph graph, Map<String, Set<String>> bodyChanges, Set<String> testClasses) {
        return of(graph, bodyChanges, testClasses, Set.of());
    }

    /**
     * @param reflective classes named by a class-name string constant or a {@code META-INF/services} file: code may
     *                   load them and call their methods by reflection, which no call graph sees, so reaching one of
     *                   their methods sends the class to class level (as the class-level graph follows those names)
     */
    static Result of(
            CallGraph graph, Map<String, Set<String>> bodyChanges, Set<String> testClasses, Set<String> reflective) {
        Map<String, String> classLevel = new LinkedHashMap<>();
        Map<CallGraph.Method, CallGraph.Method> next = new HashMap<>(); // caller → the callee it leads to
        Deque<CallGraph.Method> todo = new ArrayDeque<>();
        for (Map.Entry<String, Set<String>> e : bodyChanges.entrySet()) {
            for (String key : e.getValue()) {
                CallGraph.Method m = new CallGraph.Method(e.getKey(), key);
                String why = escalation(graph, m);
                if (why != null) {
                    classLevel.putIfAbsent(e.getKey(), why);
                } else if (next.putIfAbsent(m, m) == null) {
                    todo.add(m);
                }
            }
        }
        Map<String, List<String>> tests = new LinkedHashMap<>();
        Map<String, List<String>> testsByOwner = new HashMap<>(); // many reached methods share an owner
        while (!todo.isEmpty()) {
            CallGraph.Method m = todo.poll();
            if (reflective.contains(m.owner())) {
                classLevel.putIfAbsent(
                        m.owner(),
                        "named by a class-name string or a service file: its methods may be called by" + " reflection");
            }
            if (m.key().startsWith("<clinit>")) {
                classLevel.putIfAbsent(m.owner(), "its static initializer may call a changed method");
            } else if (!bodyChanges.getOrDefault(m.owner(), Set.of()).contains(m.key())) {
                String why = escalation(graph, m);
                if (why != null) {
                    classLevel.putIfAbsent(m.owner(), why + ", and may call a changed method");
                }
            }
            for (String test : testsByOwner.computeIfAbsent(m.owner(), o -> testsOwning(graph, o, testClasses))) {
                tests.computeIfAbsent(test, t -> path(m, next));
            }
            for (CallGraph.Method caller : graph.callersOf(m)) {
                if (next.putIfAbsent(caller, m) == null) {
                    todo.add(caller);
                }
            }
        }
        return new Result(tests, classLevel);
    }

    /** Why {@code m} must be followed at class level, or {@code null} when its callers are all in the graph. */
    static String escalation(CallGraph graph, CallGraph.Method m) {
        String name = m.key().substring(0, m.key().indexOf('('));
        if (name.equals("<clinit>")) {
            return "its static initializer changed";
        }
        if (SERIALIZATION.contains(name)) {
            return m + " is called by serialization";
        }
        CallGraph.Type type = graph.type(m.owner());
        Integer access = type == null ? null : type.methods().get(m.key());
        if (access == null || name.equals("<init>") || (access & (Opcodes.ACC_STATIC | Opcodes.ACC_PRIVATE)) != 0) {
            return null;
        }
        for (String s : graph.supertypesOf(m.owner())) {
            if (!graph.contains(s) && overridable(s).contains(m.key())) {
                return m + " overrides a method of " + s.replace('/', '.') + ", outside the reactor";
            }
        }
        return null;
    }

    /** The test classes a method of {@code owner} runs for: the class itself, its top-level class, their subclasses. */
    private static List<String> testsOwning(CallGraph graph, String owner, Set<String> testClasses) {
        List<String> out = new ArrayList<>();
        int dollar = owner.indexOf('$');
        for (String c : dollar < 0 ? List.of(owner) : List.of(owner, owner.substring(0, dollar))) {
            if (testClasses.contains(c)) {
                out.add(c);
            }
            for (String sub : graph.subtypesOf(c)) {
                if (testClasses.contains(sub)) {
                    out.add(sub);
                }
            }
        }
        return out;
    }

    private static List<String> path(CallGraph.Method from, Map<CallGraph.Method, CallGraph.Method> next) {
        List<String> path = new ArrayList<>();
        CallGraph.Method m = from;
        while (true) {
            path.add(m.toString());
            CallGraph.Method n = next.get(m);
            if (n == null || n.equals(m) || path.size() > 50) {
                return path;
            }
            m = n;
        }
    }

    /**
     * The methods (name + descriptor) a subtype of {@code type} could override: for a JDK type exactly (its
     * non-static, non-private, non-final methods and those of its supertypes); for anything else, every method.
     */
    private static Set<String> overridable(String type) {
        return JDK_METHODS.computeIfAbsent(type, MemberImpact::jdkMethods);
    }

    private static Set<String> jdkMethods(String type) {
        Class<?> c;
        try {
            c = Class.forName(type.replace('/', '.'), false, ClassLoader.getPlatformClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return EVERY_METHOD;
        }
        Set<String> keys = new java.util.HashSet<>();
        Deque<Class<?>> todo = new ArrayDeque<>(List.of(c));
        while (!todo.isEmpty()) {
            Class<?> k = todo.poll();
            for (java.lang.reflect.Method m : k.getDeclaredMethods()) {
                int mod = m.getModifiers();
                if (!Modifier.isStatic(mod) && !Modifier.isPrivate(mod) && !Modifier.isFinal(mod)) {
                    keys.add(m.getName() + Type.getMethodDescriptor(m));
                }
            }
            if (k.getSuperclass() != null) {
                todo.add(k.getSuperclass());
            }
            todo.addAll(List.of(k.getInterfaces()));
        }
        if (c.isInterface()) {
            for (java.lang.reflect.Method m : Object.class.getDeclaredMethods()) {
                int mod = m.getModifiers();
                if (!Modifier.isStatic(mod) && !Modifier.isPrivate(mod) && !Modifier.isFinal(mod)) {
                    keys.add(m.getName() + Type.getMethodDescriptor(m));
                }
            }
        }
        return Set.copyOf(keys);
    }

    /** Stands for "any method": an outside type that is not in the JDK cannot be looked into. */
    private static final Set<String> EVERY_METHOD = new java.util.AbstractSet<>() {
        @Override
        public boolean contains(Object o) {
            return true;
        }

        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.Collections.emptyIterator();
        }

        @Override
        public int size() {
            return 0;
        }
    };
}
