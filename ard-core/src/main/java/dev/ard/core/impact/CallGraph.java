package dev.ard.core.impact;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.objectweb.asm.Opcodes;

/**
 * Which reactor methods may call which, for member-level impact: every {@code invoke*} instruction and every method
 * handle (the targets of lambdas and method references in {@code invokedynamic} bootstrap arguments, {@code ldc} of a
 * handle) of the classes read, resolved by class-hierarchy analysis over the classes read: a static or special call
 * goes to the nearest declaration up the superclass chain (then default methods of interfaces); a virtual or interface
 * call also to every override in a subtype. Calls into types outside the classes read have no callee here: a reactor
 * method reached that way is one {@link MemberImpact} treats at class level. Method keys are {@code name + descriptor}.
 *
 * <p>Built from the {@link ClassCalls} the directory scans already hold: extracted in the scan's single parse of a
 * changed class file and otherwise taken from the {@link GraphCache}, so a fresh JVM with a warm cache parses nothing
 * for it.
 */
final class CallGraph {
    /** One method of one class. */
    record Method(String owner, String key) {
        @Override
        public String toString() {
            return owner.replace('/', '.') + "." + key.substring(0, key.indexOf('('));
        }
    }

    /** What the graph keeps of a class. */
    record Type(String name, int access, String superName, List<String> interfaces, Map<String, Integer> methods) {}

    /** The calling methods of every call to one {@code owner.key}, by kind of call. */
    private record Sites(List<Method> statics, List<Method> virtuals) {}

    private final Map<String, Type> types = new HashMap<>();
    private final Map<String, List<String>> subtypes = new HashMap<>();
    private final Map<String, Set<String>> allSubtypes = new ConcurrentHashMap<>();
    /** owner → key → who calls it that way; resolved only for the methods the walk reaches (see {@link #callersOf}). */
    private final Map<String, Map<String, Sites>> sites = new HashMap<>();
    /** {@code "s "/"v " + owner + "." + key} → the methods such a call may run, once per call asked about. */
    private final Map<String, Set<Method>> resolved = new ConcurrentHashMap<>();

    private CallGraph() {}

    /**
     * From the scans of the classes directories, in order (a class in several directories: the last one's).
     *
     * @throws IOException a directory or a class file of the scans could not be read: a graph without them could miss
     *                     callers (a class file ASM rejects is left out, as the class-level graph leaves it out)
     */
    static CallGraph of(Collection<ClassDirScanner.DirScan> scans) throws IOException {
        List<ClassCalls> classes = new ArrayList<>();
        for (ClassDirScanner.DirScan scan : scans) {
            if (scan.unreadable()) {
                throw new IOException("cannot read all of " + scan.dir() + ": " + scan.faults());
            }
            classes.addAll(scan.calls());
        }
        return of(classes);
    }

    /** Scans the directories without a cache (missing ones are skipped; tests). */
    static CallGraph ofDirs(Collection<Path> classDirs) throws IOException {
        ClassDirScanner scanner = new ClassDirScanner(new GraphCache(null));
        List<ClassDirScanner.DirScan> scans = new ArrayList<>();
        classDirs.forEach(d -> scans.add(scanner.scan(d)));
        return of(scans);
    }

    /** From class file bytes (tests). */
    static CallGraph ofClasses(Collection<byte[]> classFiles) {
        return of(classFiles.stream().map(CallRecorder::of).toList());
    }

    private static CallGraph of(List<ClassCalls> classes) {
        CallGraph graph = new CallGraph();
        classes.forEach(c -> graph.types.put(c.type().name(), c.type()));
        graph.index(classes);
        return graph;
    }

    Type type(String name) {
        return types.get(name);
    }

    boolean contains(String name) {
        return types.containsKey(name);
    }

    /**
     * The methods whose code may call {@code m} (directly, by dispatch, or by creating a handle to it). A call to
     * {@code O.key} may run {@code m} only when {@code O} is {@code m}'s class, a subtype (inherited) or a supertype
     * (dispatch) of it, so only those owners' calls are resolved: a walk reaches a few methods of tens of thousands.
     */
    Set<Method> callersOf(Method m) {
        Set<String> owners = new LinkedHashSet<>();
        owners.add(m.owner());
        owners.addAll(subtypesOf(m.owner()));
        owners.addAll(supertypesOf(m.owner()));
        Set<Method> out = new HashSet<>();
        for (String owner : owners) {
            Sites s = sites.getOrDefault(owner, Map.of()).get(m.key());
            if (s == null) {
                continue;
            }
            if (!s.statics().isEmpty() && resolved(owner, m.key(), false).contains(m)) {
                out.addAll(s.statics());
            }
            if (!s.virtuals().isEmpty() && resolved(owner, m.key(), true).contains(m)) {
                out.addAll(s.virtuals());
            }
        }
        return out;
    }

    private Set<Method> resolved(String owner, String key, boolean virtual) {
        return resolved.computeIfAbsent((virtual ? "v " : "s ") + owner + "." + key, k -> resolve(owner, key, virtual));
    }

    /**
     * Every subtype (classes and interfaces, transitively) of {@code name} among the classes read; computed once per
     * type (resolving calls asks for the same owner's subtypes for each of its methods, the walk for each reached one).
     */
    Set<String> subtypesOf(String name) {
        return allSubtypes.computeIfAbsent(name, n -> Collections.unmodifiableSet(collectSubtypes(n)));
    }

    private Set<String> collectSubtypes(String name) {
        Set<String> out = new LinkedHashSet<>();
        List<String> todo = new ArrayList<>(subtypes.getOrDefault(name, List.of()));
        while (!todo.isEmpty()) {
            String s = todo.remove(todo.size() - 1);
            if (out.add(s)) {
                todo.addAll(subtypes.getOrDefault(s, List.of()));
            }
        }
        return out;
    }

    /** Every supertype of {@code name} (transitively), read or not. */
    Set<String> supertypesOf(String name) {
        Set<String> out = new LinkedHashSet<>();
        List<String> todo = new ArrayList<>(List.of(name));
        while (!todo.isEmpty()) {
            Type t = types.get(todo.remove(todo.size() - 1));
            if (t == null) {
                continue;
            }
            if (t.superName() != null && out.add(t.superName())) {
                todo.add(t.superName());
            }
            for (String i : t.interfaces()) {
                if (out.add(i)) {
                    todo.add(i);
                }
            }
        }
        return out;
    }

    private void index(List<ClassCalls> classes) {
        for (Type t : types.values()) {
            if (t.superName() != null) {
                subtypes.computeIfAbsent(t.superName(), k -> new ArrayList<>()).add(t.name());
            }
            for (String i : t.interfaces()) {
                subtypes.computeIfAbsent(i, k -> new ArrayList<>()).add(t.name());
            }
        }
        for (ClassCalls c : classes) {
            Method caller = null;
            for (ClassCalls.Call call : c.calls()) {
                if (caller == null || !caller.key().equals(call.caller())) {
                    caller = new Method(c.type().name(), call.caller()); // calls come in method order
                }
                Sites at = sites.computeIfAbsent(call.owner(), o -> new HashMap<>())
                        .computeIfAbsent(call.key(), k -> new Sites(new ArrayList<>(), new ArrayList<>()));
                (call.virtual() ? at.virtuals() : at.statics()).add(caller);
            }
        }
    }

    /** The reactor methods a call may run (class-hierarchy analysis). */
    private Set<Method> resolve(String owner, String key, boolean virtual) {
        Set<Method> out = new LinkedHashSet<>();
        Method declared = declaration(owner, key);
        if (declared != null) {
            out.add(declared);
        }
        if (virtual) {
            for (String sub : subtypesOf(owner)) {
                Type t = types.get(sub);
                if (t != null && t.methods().containsKey(key)) {
                    out.add(new Method(sub, key));
                }
            }
        }
        return out;
    }

    /** The nearest declaration of {@code key} from {@code owner} up: superclasses first, then interfaces. */
    private Method declaration(String owner, String key) {
        for (String c = owner; c != null; ) {
            Type t = types.get(c);
            if (t == null) {
                break;
            }
            if (t.methods().containsKey(key)) {
                return new Method(c, key);
            }
            c = t.superName();
        }
        for (String s : supertypesOf(owner)) {
            Type t = types.get(s);
            if (t != null
                    && (t.access() & Opcodes.ACC_INTERFACE) != 0
                    && t.methods().containsKey(key)) {
                return new Method(s, key);
            }
        }
        return null;
    }
}
