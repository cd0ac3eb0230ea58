package dev.ard.core.impact;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Type;
import org.objectweb.asm.signature.SignatureReader;

/** Accumulates what one class file names while {@link BytecodeScanner} and {@link ReferenceVisitor} read it. */
final class ClassReferences {

    private static final int MAX_CLASS_NAME_STRING = 300;
    /** {@code com.x.Foo}, {@code com/x/Foo$Inner}: at least one separator, Java identifier parts. */
    private static final Pattern CLASS_NAME =
            Pattern.compile("[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*"
                    + "(?:[./][\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*)+");

    final Set<String> refs = new HashSet<>();
    final Set<String> poolClasses = new HashSet<>();
    final Set<String> strings = new HashSet<>();
    String name;
    int access;
    String sourceFile;
    String outer;
    boolean nested;

    /** An internal name, or an array descriptor where an internal name may stand. */
    void internalNameOrArray(String value) {
        if (value.startsWith("[")) {
            descriptor(value);
        } else {
            refs.add(value);
        }
    }

    /** Field or method descriptor: every {@code L…;}. */
    void descriptor(String desc) {
        if (desc == null) {
            return;
        }
        int i = desc.indexOf('L');
        while (i >= 0) {
            int end = desc.indexOf(';', i);
            if (end < 0) {
                return;
            }
            refs.add(desc.substring(i + 1, end));
            i = desc.indexOf('L', end);
        }
    }

    void signature(String signature) {
        if (signature != null) {
            new SignatureReader(signature).accept(new ReferenceVisitor.SignatureCollector(this));
        }
    }

    void type(Type type) {
        switch (type.getSort()) {
            case Type.OBJECT -> refs.add(type.getInternalName());
            case Type.ARRAY -> type(type.getElementType());
            case Type.METHOD -> descriptor(type.getDescriptor());
            default -> {
                // primitives
            }
        }
    }

    void string(String value) {
        if (value != null
                && value.length() <= MAX_CLASS_NAME_STRING
                && CLASS_NAME.matcher(value).matches()) {
            strings.add(value.replace('.', '/'));
        }
    }

    void value(Object value) {
        if (value instanceof Type t) {
            type(t);
        } else if (value instanceof String s) {
            string(s);
        } else if (value instanceof Handle h) {
            internalNameOrArray(h.getOwner());
            descriptor(h.getDesc());
        } else if (value instanceof ConstantDynamic d) {
            descriptor(d.getDescriptor());
            value(d.getBootstrapMethod());
            for (int i = 0; i < d.getBootstrapMethodArgumentCount(); i++) {
                value(d.getBootstrapMethodArgument(i));
            }
        }
    }
}
