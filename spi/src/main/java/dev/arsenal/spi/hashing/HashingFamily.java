package dev.arsenal.spi.hashing;

import dev.arsenal.Algorithm;
import dev.arsenal.Family;
import dev.arsenal.UnknownAlgorithmException;
import dev.arsenal.hashing.HashAlgorithm;
import dev.arsenal.hashing.HashingView;
import dev.arsenal.spi.FamilyDescriptor;
import dev.arsenal.spi.Provider;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/** The hashing family: {@link HashAlgorithm}s served by {@link HashingProvider}s. */
public final class HashingFamily implements FamilyDescriptor {
    /** The one instance. */
    public static final HashingFamily INSTANCE = new HashingFamily();

    private static final List<Contract> CONTRACTS =
            List.of(new Contract("hashing algorithms", HashingProvider.class, a -> a instanceof HashAlgorithm));

    private HashingFamily() {}

    @Override
    public Family family() {
        return Family.HASHING;
    }

    @Override
    public List<HashAlgorithm> algorithms() {
        return List.of(HashAlgorithm.values());
    }

    /** Ids and the aliases {@link HashAlgorithm#byId} accepts ("xxh3_64"). */
    @Override
    public Optional<Algorithm> byId(String id) {
        try {
            return Optional.of(HashAlgorithm.byId(id));
        } catch (UnknownAlgorithmException e) {
            return Optional.empty();
        }
    }

    @Override
    public List<Contract> contracts() {
        return CONTRACTS;
    }

    /** Yes: every provider computes the same function bit for bit (their self-tests passed). */
    @Override
    public boolean splitsBySize() {
        return true;
    }

    /** Hashing {@code byte[]} input of each size with seed 0, through {@link HashLoop}, on random bytes. */
    @Override
    public Optional<Workload> workload(Provider provider, Algorithm algorithm) {
        if (!(provider instanceof HashingProvider p) || !(algorithm instanceof HashAlgorithm a)) {
            return Optional.empty();
        }
        Object hasher = switch (a.bits()) {
            case 32 -> p.hasher32(a, 0);
            case 64 -> p.hasher64(a, 0);
            default -> p.hasher128(a, 0);
        };
        byte[] data = new byte[(1 << 20) + 16];
        new SplittableRandom(0x5EED).nextBytes(data);
        return Optional.of(new Workload(HashLoop.class, hasher, data));
    }

    /** Yes: hashing is cheap to measure and its providers are the ones calibration was made for. */
    @Override
    public boolean measuredAtStartup() {
        return true;
    }

    /** The {@link HashingView} that {@link dev.arsenal.ArsenalRuntime}'s methods of this family delegate to. */
    @Override
    public Optional<View<?>> view() {
        return Optional.of(new View<>(HashingView.class, SelectedHashers::new));
    }
}
