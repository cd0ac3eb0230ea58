package dev.ard.core.impact;

import java.util.List;

/**
 * What the graph keeps of one class file. Names are internal ({@code com/x/Foo$Inner}).
 *
 * @param name       the class's internal name
 * @param access     class access flags (interface, abstract, module…)
 * @param sourceFile the SourceFile attribute ({@code Foo.java}), or {@code null} when compiled without it
 * @param outer      the enclosing class of a nested, local or anonymous class, or {@code null}
 * @param nested     true for member, local and anonymous classes
 * @param refs       every class it references (constant pool, descriptors, signatures, annotations,
 *                   inner/outer/nest relations), sorted, itself excluded
 * @param constantOwners classes named only by a {@code CONSTANT_Class} entry nothing else uses: javac
 *                   (9+) leaves one for the owner of each compile-time constant it inlined
 *                   ({@code OptionFormatter.DEFAULT_OPT_PREFIX}); the code never touches the class
 * @param strings    string constants shaped like a class name, in internal form ({@code com/x/Foo}):
 *                   resolved against the classes in the graph to approximate {@code Class.forName}
 */
record ClassNode(
        String name,
        int access,
        String sourceFile,
        String outer,
        boolean nested,
        List<String> refs,
        List<String> constantOwners,
        List<String> strings) {

    ClassNode {
        refs = List.copyOf(refs);
        constantOwners = List.copyOf(constantOwners);
        strings = List.copyOf(strings);
    }

    /** Package directory, {@code com/x} for {@code com/x/Foo}; empty for the default package. */
    String packageDir() {
        int slash = name.lastIndexOf('/');
        return slash < 0 ? "" : name.substring(0, slash);
    }

    /** The source file name, or — compiled without debug info — the guess {@code <TopLevel>.java}. */
    String sourceFileOrGuess() {
        if (sourceFile != null) {
            return sourceFile;
        }
        String simple = name.substring(name.lastIndexOf('/') + 1);
        int dollar = simple.indexOf('$');
        return (dollar > 0 ? simple.substring(0, dollar) : simple) + ".java";
    }
}
