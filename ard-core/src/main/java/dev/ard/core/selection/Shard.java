package dev.ard.core.selection;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One shard of a CI run split across parallel jobs: {@code index} of {@code total}, 1-based ({@code ard.shard=2/4}),
 * or every shard at once ({@code all/4}, only for {@code ard:select}'s what-if). See {@link ShardPlan}.
 *
 * @param index 1 ≤ index ≤ total, or {@link #ALL} (0)
 * @param total the number of shards, ≥ 1
 */
public record Shard(int index, int total) {

    /** The {@code index} of {@code all/N}: the whole partition, for a what-if. */
    public static final int ALL = 0;

    /** The largest {@code total} accepted: more jobs than this is a typo, not a CI matrix. */
    public static final int MAX_TOTAL = 1024;

    /** What a valid value looks like, for error messages. */
    public static final String EXPECTED = "a shard i/n with 1 ≤ i ≤ n ≤ " + MAX_TOTAL + " (e.g. 2/4), or all/n";

    private static final Pattern FORM = Pattern.compile("(all|\\d{1,9})/(\\d{1,9})");

    /** GitLab's {@code parallel:} variables, read when {@code ard.shard} is not set. */
    public static final String GITLAB_INDEX = "CI_NODE_INDEX";

    public static final String GITLAB_TOTAL = "CI_NODE_TOTAL";

    public Shard {
        if (total < 1 || total > MAX_TOTAL || index < 0 || index > total) {
            throw new IllegalArgumentException(index + "/" + total + " is not " + EXPECTED);
        }
    }

    /**
     * Parses {@code i/n} or {@code all/n} (surrounding blanks ignored, {@code all} in any case).
     *
     * @throws IllegalArgumentException for anything else ({@code 2of4}, {@code a/b}, {@code 0/4}, {@code 3/2},
     *                                  {@code 1/0})
     */
    public static Shard parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not " + EXPECTED);
        }
        int total = Integer.parseInt(m.group(2));
        boolean all = "all".equals(m.group(1));
        int index = all ? ALL : Integer.parseInt(m.group(1));
        if (total < 1 || total > MAX_TOTAL || (!all && (index < 1 || index > total))) {
            throw new IllegalArgumentException("'" + text + "' is not " + EXPECTED);
        }
        return new Shard(index, total);
    }

    /**
     * GitLab's {@code parallel:} job variables: {@code CI_NODE_INDEX} (1-based, set only in a parallel job) and
     * {@code CI_NODE_TOTAL}; {@code null} when the job is not parallel.
     *
     * @throws IllegalArgumentException when {@code CI_NODE_INDEX} is set but the pair is not a shard
     */
    public static Shard fromEnvironment(Map<String, String> env) {
        String index = env == null ? null : env.get(GITLAB_INDEX);
        if (index == null || index.isBlank()) {
            return null;
        }
        String total = env.get(GITLAB_TOTAL);
        String text = index.strip() + "/" + (total == null ? "" : total.strip());
        try {
            Shard shard = parse(text);
            if (shard.all()) {
                throw new IllegalArgumentException("all");
            }
            return shard;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(GITLAB_INDEX + "='" + index + "' and " + GITLAB_TOTAL + "='" + total
                    + "' are not a shard i/n with" + " 1 ≤ i ≤ n ≤ " + MAX_TOTAL);
        }
    }

    /** {@code all/N}: every shard, for a what-if. */
    public boolean all() {
        return index == ALL;
    }

    /** One shard out of one: the whole selection. */
    public boolean whole() {
        return total == 1;
    }

    /** {@code 2/4}, {@code all/4}. */
    @Override
    public String toString() {
        return (all() ? "all" : Integer.toString(index)) + "/" + total;
    }
}
