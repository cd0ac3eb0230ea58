package dev.ard.core.impact.snapshot;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Type;

/**
 * A SHA-256 over a stream of typed values, cut to 64 bits: each value is tagged and length-prefixed so that two
 * different streams never feed the same bytes. 64 bits make an accidental collision among a project's classes
 * practically impossible; the checksum only has to tell a class apart from its own earlier build.
 */
final class Digest {

    /** One SHA-256 per thread: looking an algorithm up per member would cost more than hashing it. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    });

    /** The stream so far; hashed once at the end (one digest call instead of one per value). */
    private byte[] buffer = new byte[256];

    private int length;

    private void put(byte b) {
        if (length == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        buffer[length++] = b;
    }

    Digest tag(char tag) {
        put((byte) tag);
        return this;
    }

    Digest integer(int v) {
        put((byte) (v >>> 24));
        put((byte) (v >>> 16));
        put((byte) (v >>> 8));
        put((byte) v);
        return this;
    }

    Digest longValue(long v) {
        integer((int) (v >>> 32));
        return integer((int) v);
    }

    Digest string(String s) {
        if (s == null) {
            return integer(-1);
        }
        // UTF-16 units as they are: no encoder, no allocation (the bytes only feed the hash)
        int n = s.length();
        integer(n);
        if (length + 2 * n > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + 2 * n));
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            buffer[length++] = (byte) (c >>> 8);
            buffer[length++] = (byte) c;
        }
        return this;
    }

    Digest strings(String[] values) {
        if (values == null) {
            return integer(-1);
        }
        integer(values.length);
        for (String v : values) {
            string(v);
        }
        return this;
    }

    /** A constant as ASM hands it out (ldc, field value, annotation value, bootstrap argument). */
    Digest value(Object v) {
        if (v == null) {
            return tag('n');
        }
        if (v instanceof String s) {
            return tag('s').string(s);
        }
        if (v instanceof Integer i) {
            return tag('i').integer(i);
        }
        if (v instanceof Long l) {
            return tag('j').longValue(l);
        }
        if (v instanceof Float f) {
            return tag('f').integer(Float.floatToRawIntBits(f));
        }
        if (v instanceof Double d) {
            return tag('d').longValue(Double.doubleToRawLongBits(d));
        }
        if (v instanceof Type t) {
            return tag('t').string(t.getDescriptor());
        }
        if (v instanceof Handle h) {
            return tag('h').integer(h.getTag())
                    .string(h.getOwner())
                    .string(h.getName())
                    .string(h.getDesc())
                    .integer(h.isInterface() ? 1 : 0);
        }
        if (v instanceof ConstantDynamic c) {
            tag('c').string(c.getName()).string(c.getDescriptor()).value(c.getBootstrapMethod());
            integer(c.getBootstrapMethodArgumentCount());
            for (int i = 0; i < c.getBootstrapMethodArgumentCount(); i++) {
                value(c.getBootstrapMethodArgument(i));
            }
            return this;
        }
        // annotation values: primitives boxed as Byte, Short, Character, Boolean, and primitive arrays
        return tag('o').string(v.getClass().getName()).string(arrayAware(v));
    }

    private static String arrayAware(Object v) {
        if (v.getClass().isArray()) {
            StringBuilder out = new StringBuilder();
            int n = java.lang.reflect.Array.getLength(v);
            for (int i = 0; i < n; i++) {
                out.append(java.lang.reflect.Array.get(v, i)).append(',');
            }
            return out.toString();
        }
        return String.valueOf(v);
    }

    /** The first 64 bits of the SHA-256 of the stream; the stream starts over. */
    long finish() {
        MessageDigest md = SHA256.get();
        md.reset();
        md.update(buffer, 0, length);
        length = 0;
        byte[] d = md.digest();
        long out = 0;
        for (int i = 0; i < 8; i++) {
            out = (out << 8) | (d[i] & 0xff);
        }
        return out;
    }
}
