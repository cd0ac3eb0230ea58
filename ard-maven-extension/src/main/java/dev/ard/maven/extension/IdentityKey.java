package dev.ard.maven.extension;

/**
 * A map key that compares its target by identity. Maven's {@code MojoExecution} has no equals, but
 * relying on that would break silently if a Maven version added one.
 */
final class IdentityKey {
    private final Object target;

    IdentityKey(Object target) {
        this.target = target;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IdentityKey key && key.target == target;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(target);
    }
}
