package dev.ard.core.impact;

import java.util.List;

/**
 * Why a test class is affected: the nearest changed class it reaches.
 *
 * @param changedClass           binary name ({@code com.x.Foo$Inner}) of the nearest changed class
 * @param changedPath            repo-relative path of the changed file that made it changed
 * @param hops                   0 = the test class itself (or one of its nested classes) changed;
 *                               1 = it references the changed class directly; and so on
 * @param changedClassesReaching how many distinct changed top-level classes (a class and its nested
 *                               classes count once) the test reaches — a feature for ranking
 * @param via                    member level: the methods from the test to the changed method body
 *                               ({@code com.x.FooTest.t}, …, {@code com.x.Bar.changed}); empty at class level
 */
public record Reason(String changedClass, String changedPath, int hops, int changedClassesReaching, List<String> via) {

    public Reason {
        via = via == null ? List.of() : List.copyOf(via);
    }

    /** A class-level reason. */
    public Reason(String changedClass, String changedPath, int hops, int changedClassesReaching) {
        this(changedClass, changedPath, hops, changedClassesReaching, List.of());
    }

    /**
     * One human line, e.g. {@code depends on com.x.Foo (changed: core/src/main/java/com/x/Foo.java), 2 hops}, or at
     * member level {@code calls com.x.Foo.bar (changed: …): FooTest.t → Baz.run → Foo.bar}.
     */
    public String describe() {
        if (!via.isEmpty()) {
            return "calls " + via.get(via.size() - 1) + " (changed: " + changedPath + "): " + String.join(" → ", via);
        }
        if (hops == 0) {
            return "changed itself (" + changedPath + ")";
        }
        return "depends on " + changedClass + " (changed: " + changedPath + "), " + hops
                + (hops == 1 ? " hop" : " hops");
    }
}
