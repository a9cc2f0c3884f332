package dev.arsenal.crypto;

import dev.arsenal.Family;
import dev.arsenal.UnknownAlgorithmException;
import java.util.List;
import java.util.Map;

/**
 * Memory for secrets ({@link SecretBuffer}), selected like an algorithm: the provider decides what
 * protection the memory gets (locked in RAM, kept out of core dumps, between guard pages), so that
 * {@code arsenal.force.secret-memory=libsodium} or {@code =jdk-crypto} chooses it.
 */
public enum SecretMemoryAlgorithm implements dev.arsenal.Algorithm {
    /** Off-heap memory for keys and other secrets, zeroed when closed. */
    SECRET_MEMORY("secret-memory");

    private final String id;

    SecretMemoryAlgorithm(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Family family() {
        return Family.CRYPTO;
    }

    /** The ids, in declaration order. */
    public static List<String> ids() {
        return AlgorithmNames.ids(values());
    }

    /**
     * The algorithm with this id or its constant's name; case, dashes and underscores are ignored.
     *
     * @throws UnknownAlgorithmException listing the ids, if none has it
     */
    public static SecretMemoryAlgorithm byId(String name) {
        return AlgorithmNames.byName(values(), name, Map.of());
    }
}
