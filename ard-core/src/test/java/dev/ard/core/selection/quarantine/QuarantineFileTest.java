package dev.ard.core.selection.quarantine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every rule of the quarantine file: one warning per bad line, naming file:line, the other entries still apply. */
class QuarantineFileTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);
    private static final String NAME = ".mvn/ard-quarantine.txt";
    private static final String GOOD = "com.example.NetworkTest | @alice | 2027-01-31 | times out on CI runners";

    @TempDir
    Path root;

    private QuarantineFile.Loaded load(String... lines) throws IOException {
        write(String.join("\n", lines) + "\n");
        return QuarantineFile.load(root, null, TODAY);
    }

    private void write(String content) throws IOException {
        write(content.getBytes(StandardCharsets.UTF_8));
    }

    private void write(byte[] content) throws IOException {
        Path file = root.resolve(NAME);
        Files.createDirectories(file.getParent());
        Files.write(file, content);
    }

    @Test
    void anAbsentFileIsNoQuarantineAndNoWarning() {
        QuarantineFile.Loaded loaded = QuarantineFile.load(root, null, TODAY);
        assertThat(loaded.quarantine().isEmpty()).isTrue();
        assertThat(loaded.warnings()).isEmpty();
    }

    @Test
    void anEntryIsParsedWithItsFieldsAndLine() throws IOException {
        QuarantineFile.Loaded loaded = load("# flaky tests, reviewed like code", "", "  " + GOOD + "  ");
        assertThat(loaded.warnings()).isEmpty();
        assertThat(loaded.quarantine().entries())
                .containsExactly(new QuarantineEntry(
                        "com.example.NetworkTest", "@alice", LocalDate.of(2027, 1, 31), "times out on CI runners", 3));
        assertThat(loaded.quarantine().source()).isEqualTo(NAME);
        assertThat(loaded.quarantine().matches("com.example.NetworkTest"))
                .get()
                .extracting(QuarantineEntry::describe)
                .isEqualTo("owner @alice, expires 2027-01-31: times out on CI runners");
        assertThat(loaded.quarantine().matches("com.example.NetworkTests")).isEmpty();
        assertThat(loaded.quarantine().matches("com.exampleXNetworkTest")).isEmpty();
    }

    @Test
    void windowsLineEndsAndAByteOrderMarkAreAccepted() throws IOException {
        write("\uFEFF" + GOOD + "\r\n# done\r\n");
        QuarantineFile.Loaded loaded = QuarantineFile.load(root, null, TODAY);
        assertThat(loaded.warnings()).isEmpty();
        assertThat(loaded.quarantine().patterns()).containsExactly("com.example.NetworkTest");
    }

    @Test
    void aSingleStarStaysInOneSegmentAndADoubleStarCrossesSegments() throws IOException {
        Quarantine q = load("com.example.*IT | @a | 2027-01-01 | r", "org.**.Slow*Test | @b | 2027-01-01 | r")
                .quarantine();
        assertThat(q.matches("com.example.DatabaseIT"))
                .get()
                .extracting(QuarantineEntry::line)
                .isEqualTo(1);
        assertThat(q.matches("com.example.IT")).isPresent();
        assertThat(q.matches("com.example.sub.DatabaseIT")).isEmpty();
        assertThat(q.matches("com.example.DatabaseITCase")).isEmpty();
        assertThat(q.matches("org.acme.deep.SlowNetworkTest"))
                .get()
                .extracting(QuarantineEntry::line)
                .isEqualTo(2);
        assertThat(q.matches("org.SlowTest")).isEmpty(); // ".**." needs the dots around it
    }

    @Test
    void theFirstMatchingEntryWins() throws IOException {
        Quarantine q = load("com.x.*Test | @first | 2027-01-01 | a", "com.x.FooTest | @second | 2027-01-01 | b")
                .quarantine();
        assertThat(q.matches("com.x.FooTest"))
                .get()
                .extracting(QuarantineEntry::owner)
                .isEqualTo("@first");
        assertThat(q.patterns()).containsExactly("com.x.*Test", "com.x.FooTest");
    }

    @Test
    void eachKindOfBadLineIsOneWarningNamingFileAndLineAndTheOthersStillApply() throws IOException {
        QuarantineFile.Loaded loaded = load(
                GOOD,
                "com.x.A | @a | 2027-01-01", // 3 fields
                "com.x.B | @b | 2027-01-01 | r | extra", // 5 fields
                " | @c | 2027-01-01 | r", // empty pattern
                "com.x.D | @d | 31.01.2027 | r", // not ISO
                "com.x.E | @e | 2027-02-30 | r", // no such day
                "com.x.F |  | 2027-01-01 | r", // empty owner
                "com.x.G | @g | 2027-01-01 |  ", // empty reason
                "com..H | @h | 2027-01-01 | r", // empty segment
                "com.x.I-J | @i | 2027-01-01 | r", // not a class name
                "*.** | @k | 2027-01-01 | r", // everything
                "com.x.Last | @z | 2027-01-01 | still applies");
        assertThat(loaded.warnings())
                .containsExactly(
                        NAME + ":2: expected 4 fields separated by '|' (pattern | owner | expires yyyy-MM-dd | reason),"
                                + " found 3; the line is ignored",
                        NAME + ":3: expected 4 fields separated by '|' (pattern | owner | expires yyyy-MM-dd | reason),"
                                + " found 5; the line is ignored",
                        NAME + ":4: empty test class pattern; the line is ignored",
                        NAME + ":5: expiry '31.01.2027' is not a date yyyy-MM-dd; the line is ignored",
                        NAME + ":6: expiry '2027-02-30' is not a date yyyy-MM-dd; the line is ignored",
                        NAME + ":7: empty owner; the line is ignored",
                        NAME + ":8: empty reason; the line is ignored",
                        NAME + ":9: test class pattern 'com..H' has an empty segment; the line is ignored",
                        NAME + ":10: test class pattern 'com.x.I-J' is not a class name (letters, digits, '_', '$', '.'"
                                + " and '*' only); the line is ignored",
                        NAME + ":11: test class pattern '*.**' would quarantine every test class; the line is ignored");
        assertThat(loaded.quarantine().patterns()).containsExactly("com.example.NetworkTest", "com.x.Last");
    }

    @Test
    void anOverLongLineIsOneWarning() throws IOException {
        String longReason = "x".repeat(QuarantineFile.MAX_LINE_CHARS);
        QuarantineFile.Loaded loaded = load("com.x.A | @a | 2027-01-01 | " + longReason, GOOD);
        assertThat(loaded.warnings()).containsExactly(NAME + ":1: longer than 1000 characters; the line is ignored");
        assertThat(loaded.quarantine().patterns()).containsExactly("com.example.NetworkTest");
    }

    @Test
    void entriesBeyondTheCapAreIgnoredWithOneWarning() throws IOException {
        StringBuilder content = new StringBuilder("# many\n");
        for (int i = 0; i < QuarantineFile.MAX_ENTRIES + 5; i++) {
            content.append("com.x.T").append(i).append(" | @a | 2027-01-01 | r\n");
        }
        write(content.toString());
        QuarantineFile.Loaded loaded = QuarantineFile.load(root, null, TODAY);
        assertThat(loaded.warnings())
                .containsExactly(NAME + ":10002: more than 10000 entries; this line and the ones after it are ignored");
        assertThat(loaded.quarantine().entries()).hasSize(QuarantineFile.MAX_ENTRIES);
    }

    @Test
    void aFileOverTheSizeBoundIsOneWarningAndNoQuarantine() throws IOException {
        write(new byte[(int) QuarantineFile.MAX_BYTES + 1]);
        QuarantineFile.Loaded loaded = QuarantineFile.load(root, null, TODAY);
        assertThat(loaded.quarantine().isEmpty()).isTrue();
        assertThat(loaded.warnings()).singleElement().asString().contains("more than the 1048576 allowed");
    }

    @Test
    void aDirectoryInsteadOfAFileIsOneWarning() throws IOException {
        Files.createDirectories(root.resolve(NAME));
        QuarantineFile.Loaded loaded = QuarantineFile.load(root, null, TODAY);
        assertThat(loaded.quarantine().isEmpty()).isTrue();
        assertThat(loaded.warnings()).singleElement().asString().contains("is not a regular file");
    }

    @Test
    void anEntryExpiringBeforeTodayStopsApplyingWithOneWarning() throws IOException {
        QuarantineFile.Loaded loaded =
                load("com.x.Yesterday | @y | 2026-12-03 | r", "com.x.Today | @t | 2026-12-04 | r", GOOD);
        assertThat(loaded.warnings())
                .containsExactly(NAME + ":1: the quarantine of com.x.Yesterday (owner @y) expired on 2026-12-03; it no"
                        + " longer applies and its failures fail the build");
        // the expiry day itself is the last day the entry applies
        assertThat(loaded.quarantine().patterns()).containsExactly("com.x.Today", "com.example.NetworkTest");
        assertThat(QuarantineFile.load(root, null, LocalDate.of(2026, 12, 5))
                        .quarantine()
                        .patterns())
                .containsExactly("com.example.NetworkTest");
    }

    @Test
    void hostileContentStaysOnOneEscapedLineAndNeverMatchesAsARegex() throws IOException {
        QuarantineFile.Loaded loaded = load(
                "</script><script>alert(1)</script> | @x | 2027-01-01 | r",
                "com.x.Grüße$Test | @ñ | 2027-01-01 | </script>\u202e\u001b[31m red \u2028[INFO] BUILD SUCCESS",
                "com.x.(.*) | @x | 2027-01-01 | r");
        assertThat(loaded.warnings()).hasSize(2);
        assertThat(loaded.warnings().get(0))
                .startsWith(NAME + ":1: test class pattern '</script><script>alert(1)</script>' is not a class name");
        assertThat(loaded.warnings().get(1)).startsWith(NAME + ":3: test class pattern 'com.x.(.*)' is not a class");
        Quarantine q = loaded.quarantine();
        QuarantineEntry entry = q.matches("com.x.Grüße$Test").orElseThrow();
        assertThat(entry.describe())
                .doesNotContain("\u2028", "\u001b", "\u202e")
                .contains("</script>");
        assertThat(q.matches("com.x.AnyTest")).isEmpty();
    }

    @Test
    void aLineThatIsNotUtf8IsOneWarningAndTheOthersApply() throws IOException {
        byte[] good = (GOOD + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] bad = {'c', 'o', 'm', '.', (byte) 0xC3, '(', ' ', '|', '\n'};
        byte[] all = new byte[bad.length + good.length];
        System.arraycopy(bad, 0, all, 0, bad.length);
        System.arraycopy(good, 0, all, bad.length, good.length);
        write(all);
        QuarantineFile.Loaded loaded = QuarantineFile.load(root, null, TODAY);
        assertThat(loaded.warnings()).containsExactly(NAME + ":1: not valid UTF-8; the line is ignored");
        assertThat(loaded.quarantine().patterns()).containsExactly("com.example.NetworkTest");
    }

    @Test
    void theSettingNamesAnotherFileOrSwitchesQuarantineOff() throws IOException {
        Files.writeString(root.resolve("quarantine.txt"), GOOD + "\n", StandardCharsets.UTF_8);
        assertThat(QuarantineFile.load(root, "quarantine.txt", TODAY)
                        .quarantine()
                        .patterns())
                .containsExactly("com.example.NetworkTest");
        write(GOOD + "\n");
        assertThat(QuarantineFile.load(root, "none", TODAY).quarantine().isEmpty())
                .isTrue();
        assertThat(QuarantineFile.load(root, " NONE ", TODAY).warnings()).isEmpty();
    }

    @Test
    void aNamedFileThatDoesNotExistIsOneWarning() {
        QuarantineFile.Loaded loaded = QuarantineFile.load(root, "missing.txt", TODAY);
        assertThat(loaded.quarantine().isEmpty()).isTrue();
        assertThat(loaded.warnings())
                .isEqualTo(
                        List.of("quarantine file missing.txt (ard.quarantine) does not exist; no test is quarantined"));
    }
}
