import java.io.File;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;

/** demo/run.sh without a git CLI: `git init -b <branch>` and one commit of everything, with JGit. */
public class GitInit {
    public static void main(String[] args) throws Exception {
        PersonIdent demo = new PersonIdent("ARD demo", "demo@ard.dev");
        String branch = args.length > 1 ? args[1] : "main";
        try (Git git = Git.init().setDirectory(new File(args[0])).setInitialBranch(branch).call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("sample").setAuthor(demo).setCommitter(demo).setSign(false).call();
        }
    }
}
