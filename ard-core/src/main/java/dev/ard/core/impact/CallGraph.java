package dev.ard.core.impact;

import dev.ard.core.impact.snapshot.ClassChecksum;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Which reactor methods may call which, for member-level impact: every {@code invoke*} instruction and every method
 * handle (the targets of lambdas and method references in {@code invokedynamic} bootstrap arguments, {@code ldc} of a
 * handle) of the classes read, resolved by class-hierarchy analysis over the classes read: a static or special call
 * goes to the nearest declaration up the superclass chain (then default methods of interfaces); a virtual or interface
 * call also to every override in a subtype. Calls into types outside the classes read have no callee here: a reactor
 * method reached that way is one {@link MemberImpact} treats at class level. Method keys are {@code name + descriptor}.
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

    private record Call(Method caller, String owner, String key, boolean virtual) {}

    private final Map<String, Type> types = new HashMap<>();
    private final Map<String, List<String>> subtypes = new HashMap<>();
    private final Map<String, Set<String>> allSubtypes = new ConcurrentHashMap<>();
    private final List<Call> calls = new ArrayList<>();
    private Map<Method, Set<Method>> callers;

    private CallGraph() {}

    /**
     * Reads every class file under the directories (missing ones are skipped).
     *
     * @throws IOException a file cannot be read; {@link RuntimeException} for a class file ASM cannot parse
     */
    static CallGraph of(Collection<Path> classDirs) throws IOException {
        Map<Path, Map<String, ClassChecksum>> dirs = new LinkedHashMap<>();
        classDirs.forEach(d -> dirs.put(d, null));
        return of(dirs, new Memo());
    }

    /**
     * As {@link #of(Collection)}, reusing a directory's parsed classes from {@code memo} while its checksums are the
     * same: one build analyses each module with all its upstream modules, so without it every upstream directory would
     * be parsed again for every module below it. Equal checksums mean equal call instructions (they leave out only debug
     * attributes and frames).
     *
     * @param classDirs directory → its classes' checksums from this analysis's scan ({@code null}: not reused)
     */
    static CallGraph of(Map<Path, Map<String, ClassChecksum>> classDirs, Memo memo) throws IOException {
        CallGraph graph = new CallGraph();
        for (Map.Entry<Path, Map<String, ClassChecksum>> e : classDirs.entrySet()) {
            Path dir = e.getKey();
            if (dir == null || !Files.isDirectory(dir)) {
                continue;
            }
            Memo.Entry known = memo.dirs.get(dir);
            List<Parsed> parsed;
            if (known != null && e.getValue() != null && known.checksums().equals(e.getValue())) {
                parsed = known.parsed();
            } else {
                parsed = parseDir(dir);
                if (e.getValue() != null) {
                    memo.dirs.put(dir, new Memo.Entry(e.getValue(), parsed));
                }
            }
            for (Parsed p : parsed) {
                graph.types.put(p.type().name(), p.type());
                graph.calls.addAll(p.calls());
            }
        }
        graph.index();
        return graph;
    }

    /** What {@link #of(Map, Memo)} parsed per directory, for the analyses of one build. */
    static final class Memo {
        private record Entry(Map<String, ClassChecksum> checksums, List<Parsed> parsed) {}

        private final Map<Path, Entry> dirs = new ConcurrentHashMap<>();
    }

    /** The directory's class files, parsed on all cores and kept in file order (the graph must not depend on threads). */
    private static List<Parsed> parseDir(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(p -> p.toString().endsWith(".class") && Files.isRegularFile(p))
                    .sorted()
                    .toList();
        }
        return files.parallelStream()
                .map(CallGraph::parse)
                .filter(Objects::nonNull)
                .toList();
    }

    /** From class file bytes (tests). */
    static CallGraph ofClasses(Collection<byte[]> classFiles) {
        CallGraph graph = new CallGraph();
        classFiles.forEach(graph::read);
        graph.index();
        return graph;
    }

    Type type(String name) {
        return types.get(name);
    }

    boolean contains(String name) {
        return types.containsKey(name);
    }

    /** The methods whose code may call {@code m} (directly, by dispatch, or by creating a handle to it). */
    Set<Method> callersOf(Method m) {
        return callers.getOrDefault(m, Set.of());
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

    /** One class file's type and calls. */
    private record Parsed(Type type, List<Call> calls) {}

    /**
     * One class file, or {@code null} when ASM cannot parse it: the directory scan already reported it and runs its
     * module's tests, and the class-level graph is as blind to it as the call graph.
     */
    private static Parsed parse(Path file) {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        try {
            return parse(bytes);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Parsed parse(byte[] bytes) {
        Reader reader = new Reader();
        new ClassReader(bytes).accept(reader, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return new Parsed(reader.type, reader.calls);
    }

    private void read(byte[] bytes) {
        Parsed p = parse(bytes);
        types.put(p.type().name(), p.type());
        calls.addAll(p.calls());
    }

    private void index() {
        for (Type t : types.values()) {
            if (t.superName() != null) {
                subtypes.computeIfAbsent(t.superName(), k -> new ArrayList<>()).add(t.name());
            }
            for (String i : t.interfaces()) {
                subtypes.computeIfAbsent(i, k -> new ArrayList<>()).add(t.name());
            }
        }
        Map<Method, Set<Method>> reverse = new HashMap<>();
        Map<String, Set<Method>> resolved = new HashMap<>();
        for (Call call : calls) {
            Set<Method> targets = resolved.computeIfAbsent(
                    (call.virtual() ? "v " : "s ") + call.owner() + "." + call.key(),
                    k -> resolve(call.owner(), call.key(), call.virtual()));
            for (Method target : targets) {
                reverse.computeIfAbsent(target, k -> new HashSet<>()).add(call.caller());
            }
        }
        calls.clear();
        callers = reverse;
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

    private static final class Reader extends ClassVisitor {
        private final List<Call> calls = new ArrayList<>();
        private Type type;
        private String name;
        private int access;
        private String superName;
        private List<String> interfaces;
        private final Map<String, Integer> methods = new HashMap<>();

        Reader() {
            super(ReferenceVisitor.API);
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName, String[] ifaces) {
            this.name = name;
            this.access = access;
            this.superName = superName;
            this.interfaces = ifaces == null ? List.of() : List.of(ifaces);
        }

        @Override
        public MethodVisitor visitMethod(
                int access, String methodName, String descriptor, String signature, String[] exceptions) {
            String key = methodName + descriptor;
            methods.put(key, access);
            Method caller = new Method(name, key);
            return new MethodVisitor(ReferenceVisitor.API) {
                @Override
                public void visitMethodInsn(int opcode, String owner, String n, String d, boolean itf) {
                    calls.add(new Call(
                            caller,
                            owner,
                            n + d,
                            opcode == Opcodes.INVOKEVIRTUAL || opcode == Opcodes.INVOKEINTERFACE));
                }

                @Override
                public void visitInvokeDynamicInsn(String n, String d, Handle bootstrap, Object... args) {
                    for (Object a : args) {
                        handle(a);
                    }
                }

                @Override
                public void visitLdcInsn(Object value) {
                    handle(value);
                }

                private void handle(Object value) {
                    if (value instanceof Handle h && h.getTag() >= Opcodes.H_INVOKEVIRTUAL) {
                        calls.add(new Call(
                                caller,
                                h.getOwner(),
                                h.getName() + h.getDesc(),
                                h.getTag() == Opcodes.H_INVOKEVIRTUAL || h.getTag() == Opcodes.H_INVOKEINTERFACE));
                    }
                }
            };
        }

        @Override
        public void visitEnd() {
            type = new Type(name, access, superName, interfaces, Map.copyOf(methods));
        }
    }
}
