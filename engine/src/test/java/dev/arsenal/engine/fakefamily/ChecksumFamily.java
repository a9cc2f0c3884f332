package dev.arsenal.engine.fakefamily;

import dev.arsenal.Algorithm;
import dev.arsenal.Family;
import dev.arsenal.spi.FamilyDescriptor;
import java.util.List;
import java.util.Optional;

/** The fake family's descriptor, found by the engine through {@link java.util.ServiceLoader}. */
public final class ChecksumFamily implements FamilyDescriptor {
    /** Called by {@link java.util.ServiceLoader}. */
    public ChecksumFamily() {}

    @Override
    public Family family() {
        return Family.MEMORY;
    }

    @Override
    public List<Checksum> algorithms() {
        return List.of(Checksum.values());
    }

    @Override
    public List<Contract> contracts() {
        return List.of(new Contract("fake checksums", ChecksumProvider.class, a -> a instanceof Checksum));
    }

    /** Yes: every provider computes the same sums. */
    @Override
    public boolean splitsBySize() {
        return true;
    }

    @Override
    public Optional<View<?>> view() {
        return Optional.of(new View<>(
                Checksums.class,
                selections -> checksum ->
                        selections.routed(Summer.class, checksum, p -> ((ChecksumProvider) p).summer(checksum))));
    }

    /** {@code "sum"} for {@link Checksum#SUM}, as a family's aliases are. */
    @Override
    public Optional<Algorithm> byId(String id) {
        return id.equals("sum") ? Optional.of(Checksum.SUM) : FamilyDescriptor.super.byId(id);
    }
}
