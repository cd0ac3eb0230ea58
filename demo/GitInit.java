import java.io.File;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;

/** demo/run.sh without a git CLI: `git init -b main` and one commit of everything, with JGit. */
public class GitInit {
    public static void main(String[] args) throws Exception {
        PersonIdent demo = new PersonIdent("ARD demo", "demo@ard.dev");
        try (Git git = Git.init().setDirectory(new File(args[0])).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("sample").setAuthor(demo).setCommitter(demo).setSign(false).call();
        }
    }
}
