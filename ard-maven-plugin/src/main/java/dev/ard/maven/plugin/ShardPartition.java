package dev.ard.maven.plugin;

import dev.ard.core.impact.ModuleInfo;
import dev.ard.core.selection.ReactorSelection;
import dev.ard.core.selection.Shard;
import dev.ard.core.selection.ShardContext;
import dev.ard.core.selection.ShardedSelection;
import dev.ard.core.selection.TestSelection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.maven.model.Plugin;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;

/**
 * {@code ard:select}'s what-if of a CI run's shards: the partition a sequential build of the reactor computes, module by
 * module, Surefire's execution before Failsafe's (in modules that declare Failsafe), as the extension places them.
 */
final class ShardPartition {

    private ShardPartition() {}

    /** Each shard's test classes (element {@code i}: shard {@code i + 1}), in the order they were placed. */
    static List<List<String>> of(
            List<MavenProject> reactor,
            List<ModuleInfo> modules,
            ReactorSelection selection,
            ShardContext context,
            Predicate<String> surefire,
            Predicate<String> failsafe) {
        int total = context.shard().total();
        ShardedSelection sharded = new ShardedSelection(new Shard(Shard.ALL, total), context.estimates(), false);
        List<List<String>> shards = new ArrayList<>();
        for (int s = 0; s < total; s++) {
            shards.add(new ArrayList<>());
        }
        for (int i = 0; i < modules.size(); i++) {
            String module = modules.get(i).id();
            place(sharded, selection.select(module, surefire), shards);
            if (declaresFailsafe(reactor.get(i))) {
                place(sharded, selection.select(module, failsafe), shards);
            }
        }
        return shards.stream().map(List::copyOf).toList();
    }

    private static void place(ShardedSelection sharded, TestSelection selection, List<List<String>> shards) {
        Map<String, Integer> placed = sharded.assign(selection, selection.module());
        selection.selected().forEach(c -> shards.get(placed.get(c) - 1).add(c));
    }

    private static boolean declaresFailsafe(MavenProject project) {
        return project.getBuildPlugins().stream().map(Plugin::getArtifactId).anyMatch("maven-failsafe-plugin"::equals);
    }

    /** One line per shard; {@code asked} marked when it is one shard. */
    static void log(List<List<String>> partition, Shard asked, Log log) {
        for (int s = 0; s < partition.size(); s++) {
            boolean mine = !asked.all() && asked.index() == s + 1;
            log.info("ARD: shard " + (s + 1) + "/" + partition.size() + (mine ? " (this one)" : "") + ": "
                    + partition.get(s).size() + " test classes " + partition.get(s));
        }
    }
}
