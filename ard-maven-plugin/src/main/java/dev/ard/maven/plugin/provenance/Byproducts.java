package dev.ard.maven.plugin.provenance;

import dev.ard.core.attest.model.Digests;
import dev.ard.core.attest.model.ResourceDescriptor;
import dev.ard.core.attest.model.SelectionByproduct;
import dev.ard.core.selection.SelectionFile;
import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.project.MavenProject;

/**
 * {@code runDetails.byproducts}: the module's CycloneDX SBOM (when cyclonedx-maven-plugin made one)
 * and its test-selection record ({@code target/ard/selection.json}, written by ARD's extension; mode
 * {@code none} when absent).
 */
public final class Byproducts {
    public static final String SBOM_NAME = "cyclonedx-sbom";
    static final String SBOM_MEDIA_TYPE = "application/vnd.cyclonedx+json";

    private Byproducts() {}

    public static List<ResourceDescriptor> of(MavenProject project, Path selectionFile, List<String> problems) {
        List<ResourceDescriptor> byproducts = new ArrayList<>();
        Path sbom = sbom(project);
        if (sbom != null) {
            try {
                byproducts.add(new ResourceDescriptor(
                        SBOM_NAME,
                        null,
                        Map.of("sha256", Digests.sha256(sbom)),
                        null,
                        SBOM_MEDIA_TYPE,
                        Map.of("file", sbom.getFileName().toString())));
            } catch (IOException e) {
                problems.add(sbom + ": cannot hash the SBOM (" + e.getClass().getSimpleName() + ")");
            }
        }
        SelectionFile selection;
        try {
            selection = SelectionFile.read(selectionFile);
        } catch (IOException e) {
            problems.add(e.getMessage());
            selection = SelectionFile.NONE;
        }
        byproducts.add(SelectionByproduct.of(selection));
        return byproducts;
    }

    /**
     * The JSON SBOM: the attached {@code cyclonedx} JSON artifact if there is one, else
     * {@code target/bom.json} or {@code target/*-cyclonedx.json}; {@code null} when the module has none.
     */
    static Path sbom(MavenProject project) {
        for (Artifact a : project.getAttachedArtifacts()) {
            File f = a.getFile();
            if ("cyclonedx".equals(a.getClassifier()) && "json".equals(a.getType()) && f != null && f.isFile()) {
                return f.toPath();
            }
        }
        Path target = Path.of(project.getBuild().getDirectory());
        Path bom = target.resolve("bom.json");
        if (Files.isRegularFile(bom)) {
            return bom;
        }
        if (Files.isDirectory(target)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(target, "*-cyclonedx.json")) {
                List<Path> found = new ArrayList<>();
                files.forEach(found::add);
                found.sort(null);
                return found.isEmpty() ? null : found.get(0);
            } catch (IOException e) {
                return null;
            }
        }
        return null;
    }
}
