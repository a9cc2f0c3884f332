package dev.arsenal.engine;

import dev.arsenal.ProviderUnavailableException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The providers a stateful object (a hash stream, a compressing stream) was made by, and whether
 * they are still here. A {@link LiveRuntime} gives each provider one lease and {@linkplain #end ends}
 * it when the provider leaves (its bundle stopped, updated or uninstalled); the generated {@code
 * LeasedX} wrappers that the live objects put around the streams they return ask {@link #holds()}
 * before every call and then fail with a {@link ProviderUnavailableException} that names the
 * provider, instead of running code of a departed bundle or meeting a raw {@link
 * NoClassDefFoundError}.
 *
 * <p>A stream stays with the provider that began it: a live object moves to another provider
 * between calls, but the middle of a hash or of a compressed frame cannot.
 */
final class Lease {
    private static final Lease[] NO_PARTS = {};

    /** The lease of an object whose providers are not known: it always holds. */
    static final Lease NONE = new Lease("", NO_PARTS);

    private final String provider;
    private final Lease[] parts;
    private volatile String endedBecause;

    private Lease(String provider, Lease[] parts) {
        this.provider = provider;
        this.parts = parts;
    }

    /** A new lease for the provider of id {@code providerId}, holding until {@linkplain #end ended}. */
    static Lease of(String providerId) {
        return new Lease(providerId, NO_PARTS);
    }

    /**
     * A lease that holds while every one of {@code leases} holds: an object made from several
     * providers (a shuffle stage in front of another provider's codec) needs all of them.
     */
    static Lease allOf(Collection<Lease> leases) {
        List<Lease> singles = new ArrayList<>();
        for (Lease l : leases) {
            for (Lease single : l.singles()) {
                if (!singles.contains(single)) {
                    singles.add(single);
                }
            }
        }
        return switch (singles.size()) {
            case 0 -> NONE;
            case 1 -> singles.getFirst();
            default ->
                new Lease(
                        singles.stream().map(l -> l.provider).collect(Collectors.joining(" and ")),
                        singles.toArray(Lease[]::new));
        };
    }

    private List<Lease> singles() {
        if (this == NONE) {
            return List.of();
        }
        return parts.length == 0 ? List.of(this) : List.of(parts);
    }

    /** Ends this provider's lease: every object made under it fails from its next call on. */
    void end(String why) {
        if (parts.length != 0 || this == NONE) {
            throw new IllegalStateException("only a single provider's lease ends");
        }
        endedBecause = why;
    }

    /** Whether every provider of the lease is still here: one volatile read per provider. */
    boolean holds() {
        if (parts.length == 0) {
            return endedBecause == null;
        }
        for (Lease p : parts) {
            if (p.endedBecause != null) {
                return false;
            }
        }
        return true;
    }

    /**
     * The error of a call on {@code what} (the interface's name) once the lease has ended: it names
     * the provider that left and why.
     */
    ProviderUnavailableException ended(String what) {
        Lease gone = Stream.concat(Stream.of(this), Stream.of(parts))
                .filter(l -> l.endedBecause != null)
                .findFirst()
                .orElse(this);
        return new ProviderUnavailableException("this " + what + " was begun on provider " + gone.provider
                + ", which has gone (" + gone.endedBecause + "); a stream stays with the provider that began it,"
                + " so what it held is lost: begin it again");
    }

    /**
     * The error of a call on {@code what} that met {@code e}: a class of the provider's that its
     * class loader can no longer give (its bundle refreshed away while the stream was open).
     */
    ProviderUnavailableException broken(String what, LinkageError e) {
        ProviderUnavailableException failure =
                new ProviderUnavailableException("this " + what + " can no longer run on "
                        + (this == NONE ? "the provider" : "provider " + provider) + " that began it: " + e);
        failure.initCause(e);
        return failure;
    }

    @Override
    public String toString() {
        return this == NONE ? "no known provider" : "provider " + provider + (holds() ? "" : " (gone)");
    }
}
