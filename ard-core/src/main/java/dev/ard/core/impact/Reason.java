package dev.ard.core.impact;

/**
 * Why a test class is affected: the nearest changed class it reaches.
 *
 * @param changedClass           binary name ({@code com.x.Foo$Inner}) of the nearest changed class
 * @param changedPath            repo-relative path of the changed file that made it changed
 * @param hops                   0 = the test class itself (or one of its nested classes) changed;
 *                               1 = it references the changed class directly; and so on
 * @param changedClassesReaching how many distinct changed top-level classes (a class and its nested
 *                               classes count once) the test reaches — a feature for ranking
 */
public record Reason(String changedClass, String changedPath, int hops, int changedClassesReaching) {

    /** One human line, e.g. {@code depends on com.x.Foo (changed: core/src/main/java/com/x/Foo.java), 2 hops}. */
    public String describe() {
        if (hops == 0) {
            return "changed itself (" + changedPath + ")";
        }
        return "depends on " + changedClass + " (changed: " + changedPath + "), " + hops
                + (hops == 1 ? " hop" : " hops");
    }
}
