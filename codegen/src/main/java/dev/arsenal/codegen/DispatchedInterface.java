package dev.arsenal.codegen;

import java.util.List;
import java.util.Optional;
import javax.lang.model.type.TypeMirror;

/**
 * An interface to dispatch, or a stateful type to lease, as the processor read it: its methods and
 * how each is routed. {@code isClass} for a leased class (a wrapper extends it rather than
 * implementing it).
 */
record DispatchedInterface(String qualifiedName, String simpleName, boolean isClass, List<Method> methods) {
    String tieredName() {
        return "Tiered" + simpleName;
    }

    String liveName() {
        return "Live" + simpleName;
    }

    String pendingName() {
        return "Pending" + simpleName;
    }

    String leasedName() {
        return "Leased" + simpleName;
    }

    /** What a parameter's type says about routing and repeating. */
    enum Kind {
        PRIMITIVE,
        BYTES,
        BUFFER,
        SEGMENT,
        CLOSEABLE,
        OTHER
    }

    /** A parameter: its type (resolved for this interface), name and kind. */
    record Parameter(TypeMirror type, String name, Kind kind) {}

    /** Where a call goes. */
    enum Tier {
        /** By the size expression: below the crossover to small, else large. */
        BY_SIZE,
        SMALL,
        LARGE
    }

    /** A method to forward. */
    record Method(
            String name,
            TypeMirror returnType,
            List<Parameter> parameters,
            List<? extends TypeMirror> thrown,
            boolean varArgs,
            boolean isDefault) {
        /**
         * The expression of the input size, from the first {@code byte[]}, {@code ByteBuffer} or
         * {@code MemorySegment} parameter that is not a {@code nonce} (an AEAD's, a few bytes whatever
         * the message: its plaintext or ciphertext comes next); empty when there is none.
         */
        Optional<String> size() {
            for (int i = 0; i < parameters.size(); i++) {
                Parameter p = parameters.get(i);
                if (p.name().equals("nonce")) {
                    continue;
                }
                switch (p.kind()) {
                    case BYTES -> {
                        boolean ranged = i + 2 < parameters.size()
                                && isInt(parameters.get(i + 1))
                                && isInt(parameters.get(i + 2));
                        return Optional.of(ranged ? parameters.get(i + 2).name() : p.name() + ".length");
                    }
                    case BUFFER -> {
                        return Optional.of(p.name() + ".remaining()");
                    }
                    case SEGMENT -> {
                        return Optional.of(p.name() + ".byteSize()");
                    }
                    default -> {}
                }
            }
            return Optional.empty();
        }

        Tier tier() {
            if (size().isPresent()) {
                return Tier.BY_SIZE;
            }
            boolean primitives = !parameters.isEmpty() && parameters.stream().allMatch(p -> p.kind() == Kind.PRIMITIVE);
            return primitives ? Tier.SMALL : Tier.LARGE;
        }

        /** Whether a call that met a {@link LinkageError} may run again: nothing it was given was consumed. */
        boolean repeatable() {
            return parameters.stream().noneMatch(p -> p.kind() == Kind.CLOSEABLE);
        }

        boolean returnsValue() {
            return returnType.getKind() != javax.lang.model.type.TypeKind.VOID;
        }

        private static boolean isInt(Parameter p) {
            return p.type().getKind() == javax.lang.model.type.TypeKind.INT;
        }
    }
}
