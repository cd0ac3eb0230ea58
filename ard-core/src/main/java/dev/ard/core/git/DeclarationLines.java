package dev.ard.core.git;

import java.util.regex.Pattern;

/**
 * Whether a source line, as text, may declare or annotate a member or a type. A line-level change is only as safe as
 * the line tables it is mapped through: they name the lines of method bodies, and a one-line method
 * ({@code int f() { return 1; }}), a field initializer or a record header shares its line with code. Changing such a
 * line changes a signature, a field or the class's members, which the call graph must not read as a body edit. So a
 * changed line (new or removed) that may hold a declaration sends its whole file to class level.
 *
 * <p>Deliberately coarse, no parser: a false "yes" only costs precision (the file's classes are changed as a whole, as
 * without line information); a false "no" could lose a test. Known gap, documented: a package-private field with an
 * initializer and no modifier ({@code int count = 0;}) reads like a local variable; its initializer runs in the
 * constructors, so a change there still selects every test that constructs the class.
 */
final class DeclarationLines {

    private static final String IDENT = "[A-Za-z_$][\\w$]*";

    /** An annotation at the start of a line (on a member, a type, a parameter list going on below). */
    private static final Pattern ANNOTATION = Pattern.compile("^\\s*@");

    /**
     * A modifier only a member or a type can have (a local variable can only be {@code final});
     * {@code synchronized (lock)} and {@code default:} / {@code default ->} are statements.
     */
    private static final Pattern MODIFIER = Pattern.compile("^\\s*(?:public|protected|private|static|abstract|native"
            + "|transient|volatile|strictfp|sealed|non-sealed|synchronized(?!\\s*\\()|default(?!\\s*(?::|->)))\\b");

    /** A type declaration anywhere on the line (also a local class). */
    private static final Pattern TYPE =
            Pattern.compile("(?<![\\w$.])(?:class|interface|enum|record|@interface)\\s+" + IDENT);

    /**
     * {@code Type name(}: a method (or a constructor after a modifier), unless the first word is one that starts an
     * expression or a statement ({@code return foo(}, {@code new Foo(}).
     */
    private static final Pattern METHOD = Pattern.compile("(?<![\\w$.])(?!(?:return|new|throw|else|case|yield|assert"
            + "|instanceof|do|goto)\\b)" + IDENT + "\\s*(?:<[^()]*>)?\\s*(?:\\[\\s*]\\s*)*\\s" + IDENT + "\\s*\\(");

    /**
     * A line that starts with a capitalised name and a parenthesis, and either has no {@code ;} or opens a body after
     * the parameters: a constructor without modifier ({@code Foo(int x) { this.x = x; }}), generic ({@code <T> Foo(T
     * t)}) or an enum constant ({@code RED(1),}).
     */
    private static final Pattern CONSTRUCTOR =
            Pattern.compile("^\\s*(?:<[^()]*>\\s*)?[A-Z][\\w$]*\\s*\\((?:[^;]*$|[^;]*?\\)\\s*(?:throws\\s[^{;]*)?\\{)");

    /** A record's compact constructor ({@code Point {}}) or an initializer block of a type ({@code static {}}). */
    private static final Pattern COMPACT =
            Pattern.compile("^\\s*(?:(?:public|protected|private)\\s+)?[A-Z][\\w$]*\\s*\\{");

    private DeclarationLines() {}

    /** True when {@code line} may declare or annotate a member or a type, so a change to it is not a body edit. */
    static boolean declares(String line) {
        return ANNOTATION.matcher(line).find()
                || MODIFIER.matcher(line).find()
                || TYPE.matcher(line).find()
                || METHOD.matcher(line).find()
                || CONSTRUCTOR.matcher(line).find()
                || COMPACT.matcher(line).find();
    }
}
