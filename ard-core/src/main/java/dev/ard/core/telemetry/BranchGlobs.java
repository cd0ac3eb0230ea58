package dev.ard.core.telemetry;

import java.util.List;
import java.util.regex.Pattern;

/** Branch names against {@code ard.fullBranches}-style globs: {@code *} matches within one path segment. */
public final class BranchGlobs {
    private BranchGlobs() {}

    /** True when {@code branch} matches one of {@code globs} ({@code release/*} matches {@code release/1.2}). */
    public static boolean matches(List<String> globs, String branch) {
        if (branch == null) {
            return false;
        }
        for (String glob : globs) {
            String re = Pattern.quote(glob).replace("*", "\\E[^/]*\\Q");
            if (Pattern.matches(re, branch)) {
                return true;
            }
        }
        return false;
    }
}
