package dev.ard.core.impact;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One dependency graph over the classes of every scanned directory, keyed by internal name, so that a
 * module's tests reach the classes of the modules (and test jars) they use. An edge {@code a → b}
 * means "a uses b": references, string constants naming a class of the graph, and for each
 * {@code META-INF/services/<iface>} entry {@code iface → impl} (whoever uses the interface may get the
 * implementation). A class defined in several directories gets the union of its edges.
 */
final class ClassGraph {

    /** How a class is reached from the changes, walking "is used by" edges. */
    record Hit(int hops, String nearestChanged, int changedGroupsReaching) {}

    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> names = new ArrayList<>();
    private final Map<String, ClassNode> defined = new HashMap<>();
    private int[][] usedBy = new int[0][];

    /**
     * @param constantOwnerEdges also link a class to the owners of the compile-time constants it
     *                           inlined (see {@link ClassNode#constantOwners()})
     */
    static ClassGraph of(Collection<ClassDirScanner.DirScan> scans, boolean constantOwnerEdges) {
        ClassGraph g = new ClassGraph();
        for (ClassDirScanner.DirScan scan : scans) {
            for (ClassNode n : scan.nodes().values()) {
                g.defined.putIfAbsent(n.name(), n);
            }
        }
        List<int[]> edges = new ArrayList<>();
        for (ClassDirScanner.DirScan scan : scans) {
            for (ClassNode n : scan.nodes().values()) {
                int from = g.id(n.name());
                for (String ref : n.refs()) {
                    edges.add(new int[] {from, g.id(ref)});
                }
                if (constantOwnerEdges) {
                    for (String ref : n.constantOwners()) {
                        edges.add(new int[] {from, g.id(ref)});
                    }
                }
                for (String s : n.strings()) {
                    if (g.defined.containsKey(s) && !s.equals(n.name())) {
                        edges.add(new int[] {from, g.id(s)}); // Class.forName("com.x.Foo") and friends
                    }
                }
            }
            scan.services().forEach((iface, impls) -> {
                int from = g.id(iface);
                impls.forEach(impl -> edges.add(new int[] {from, g.id(impl)}));
            });
        }
        g.buildReverse(edges);
        return g;
    }

    private int id(String name) {
        Integer id = ids.get(name);
        if (id == null) {
            id = names.size();
            ids.put(name, id);
            names.add(name);
        }
        return id;
    }

    private void buildReverse(List<int[]> edges) {
        int[] degree = new int[names.size()];
        for (int[] e : edges) {
            degree[e[1]]++;
        }
        usedBy = new int[names.size()][];
        for (int i = 0; i < usedBy.length; i++) {
            usedBy[i] = new int[degree[i]];
        }
        int[] fill = new int[names.size()];
        for (int[] e : edges) {
            usedBy[e[1]][fill[e[1]]++] = e[0];
        }
    }

    ClassNode node(String name) {
        return defined.get(name);
    }

    /** The top-level class enclosing {@code name} ({@code name} itself when it is not nested). */
    String topLevel(String name) {
        String current = name;
        for (int depth = 0; depth < 64; depth++) {
            ClassNode n = defined.get(current);
            if (n == null || !n.nested()) {
                return current;
            }
            String next = n.outer();
            if (next == null) {
                int dollar = current.lastIndexOf('$');
                if (dollar <= 0) {
                    return current;
                }
                next = current.substring(0, dollar);
            }
            current = next;
        }
        return current;
    }

    /**
     * Walks from the changed classes to everything that uses them, transitively.
     *
     * @param changed changed classes (internal names, defined or not) → the file that changed them
     * @return every reached class (changed ones at 0 hops) → minimal hops, the nearest changed class,
     *         and how many distinct changed top-level classes reach it
     */
    Map<String, Hit> reachedFrom(Map<String, String> changed) {
        List<String> sources =
                changed.keySet().stream().filter(ids::containsKey).sorted().toList();
        int n = names.size();
        int[] hops = new int[n];
        int[] nearest = new int[n];
        Arrays.fill(hops, -1);
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (String s : sources) {
            int id = ids.get(s);
            hops[id] = 0;
            nearest[id] = id;
            queue.add(id);
        }
        while (!queue.isEmpty()) { // breadth first: the first visit is the minimal distance
            int cur = queue.poll();
            for (int user : usedBy[cur]) {
                if (hops[user] < 0) {
                    hops[user] = hops[cur] + 1;
                    nearest[user] = nearest[cur];
                    queue.add(user);
                }
            }
        }
        int[] groups = countGroups(sources);
        Map<String, Hit> out = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            if (hops[i] >= 0) {
                out.put(names.get(i), new Hit(hops[i], names.get(nearest[i]), groups[i]));
            }
        }
        return out;
    }

    /** Per class: how many changed top-level classes (each with its nested classes) reach it. */
    private int[] countGroups(List<String> sources) {
        Map<String, List<Integer>> byTopLevel = new TreeMap<>();
        for (String s : sources) {
            byTopLevel.computeIfAbsent(topLevel(s), k -> new ArrayList<>()).add(ids.get(s));
        }
        int n = names.size();
        int[] count = new int[n];
        int[] stamp = new int[n];
        int group = 0;
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (List<Integer> members : byTopLevel.values()) {
            group++;
            for (int id : members) {
                if (stamp[id] != group) {
                    stamp[id] = group;
                    count[id]++;
                    queue.add(id);
                }
            }
            while (!queue.isEmpty()) {
                int cur = queue.poll();
                for (int user : usedBy[cur]) {
                    if (stamp[user] != group) {
                        stamp[user] = group;
                        count[user]++;
                        queue.add(user);
                    }
                }
            }
        }
        return count;
    }

    int size() {
        return names.size();
    }
}
