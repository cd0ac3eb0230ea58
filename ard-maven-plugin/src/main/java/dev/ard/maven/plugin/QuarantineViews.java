package dev.ard.maven.plugin;

import dev.ard.core.report.ReportInputs.QuarantineView;
import dev.ard.core.selection.quarantine.QuarantineFile;
import dev.ard.core.settings.SettingsCatalog;
import dev.ard.maven.support.SessionSettings;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.apache.maven.execution.MavenSession;

/** The build's quarantine file as the report and {@code ard:quarantine} read it: every entry, expired ones too. */
final class QuarantineViews {
    private QuarantineViews() {}

    /** The file named by {@code ard.quarantine} (default {@code .mvn/ard-quarantine.txt}) under {@code root}. */
    static QuarantineView of(MavenSession session, Path root) {
        String setting = SessionSettings.of(session).get(SettingsCatalog.QUARANTINE);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        // Read as of the earliest day, so no entry is dropped as expired: the report shows expired entries as such.
        QuarantineFile.Loaded all = QuarantineFile.load(root, setting, LocalDate.MIN);
        return new QuarantineView(all.quarantine(), today, all.warnings());
    }
}
