package dev.ard.core.git;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Lines that may declare a member or a type, and statements that do not. */
class DeclarationLinesTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "    int f() { return 1; }",
                "    public Foo(int x) {",
                "    Foo(int x) { this.x = x; }",
                "    <T> Foo(T t) {",
                "record Point(int x, int y) {",
                "    Point {",
                "    @Override",
                "    private int x = 1;",
                "    static int COUNT;",
                "    static {",
                "    RED(1),",
                "    Map<String, List<Integer>> counts() {",
                "    String[] names() throws IOException {",
                "        class Local {",
                "    default void f() {",
                "    synchronized void g() {",
                "    protected abstract void h();",
                "public sealed interface Shape permits Circle {",
            })
    void declarations(String line) {
        assertThat(DeclarationLines.declares(line)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "        return foo(x);",
                "        int x = a + b;",
                "        if (a < b) {",
                "        if (a < b && c > d) {",
                "        } else if (x) {",
                "        synchronized (lock) {",
                "            default:",
                "            default -> 0;",
                "        list.forEach(x -> {",
                "        throw new IllegalStateException(\"x\");",
                "        Foo foo = new Foo(1);",
                "        final int y = compute(x);",
                "        for (String s : list) {",
                "            case 1 -> run(x);",
                "        return new Runnable() {",
                "        Objects.requireNonNull(value,",
                "        }",
                "        x++;",
            })
    void statements(String line) {
        assertThat(DeclarationLines.declares(line)).isFalse();
    }
}
