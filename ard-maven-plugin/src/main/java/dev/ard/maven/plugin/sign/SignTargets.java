package dev.ard.maven.plugin.sign;

import dev.ard.core.attest.model.SigstoreBundle;
import dev.ard.core.attest.verify.FileProblem;
import dev.ard.maven.support.ArtifactFiles;
import dev.ard.maven.support.DeployedPom;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.project.MavenProject;

/**
 * The files a module deploys, as maven-deploy-plugin uploads them: the POM ({@link DeployedPom}: on Maven 4 the
 * consumer POM), the main artifact (unless
 * the packaging is {@code pom}) and every attached artifact — minus signatures and bundles themselves
 * ({@code .sigstore.json}, {@code .asc}, {@code .sig}), which are not signed again.
 */
public final class SignTargets {
    private SignTargets() {}

    /** Every file of the module to sign or check; a main artifact not packaged yet is reported in {@code problems}. */
    public static List<SignTarget> of(MavenProject project, List<FileProblem> problems) {
        List<SignTarget> targets = new ArrayList<>();
        String base = project.getArtifactId() + "-" + project.getArtifact().getBaseVersion();
        File pom = DeployedPom.file(project); // Maven 4: the consumer POM is what is deployed as the .pom
        if (pom != null) {
            targets.add(new SignTarget(base + ".pom", null, "pom", pom.toPath()));
        }
        if (!"pom".equals(project.getPackaging())) {
            add(targets, project.getArtifact(), base, problems);
        }
        for (Artifact attached : project.getAttachedArtifacts()) {
            if (!DeployedPom.isConsumerPom(attached)) { // signed above, under the name it is deployed as
                add(targets, attached, base, problems);
            }
        }
        return targets;
    }

    private static void add(List<SignTarget> targets, Artifact artifact, String base, List<FileProblem> problems) {
        String extension = ArtifactFiles.extension(artifact);
        String classifier =
                artifact.getClassifier() == null || artifact.getClassifier().isEmpty()
                        ? null
                        : artifact.getClassifier();
        String name = base + (classifier == null ? "" : "-" + classifier) + "." + extension;
        if (isSignature(extension)) {
            return;
        }
        File file = artifact.getFile();
        if (file == null || !file.isFile()) {
            problems.add(new FileProblem(name, "not packaged (bind ard:sign after package)"));
            return;
        }
        targets.add(new SignTarget(name, classifier, extension, file.toPath()));
    }

    /** True for an extension that is itself a signature or bundle. */
    public static boolean isSignature(String extension) {
        return extension.endsWith(SigstoreBundle.FILE_SUFFIX)
                || extension.endsWith("sigstore")
                || extension.endsWith(".asc")
                || extension.equals("asc")
                || extension.endsWith(".sig")
                || extension.equals("sig");
    }
}
