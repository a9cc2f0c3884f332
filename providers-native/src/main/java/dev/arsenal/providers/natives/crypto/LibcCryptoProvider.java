package dev.arsenal.providers.natives.crypto;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import dev.arsenal.ProviderKind;
import dev.arsenal.crypto.SecretBuffer;
import dev.arsenal.crypto.SecretMemoryAlgorithm;
import dev.arsenal.platform.PlatformInfo;
import dev.arsenal.spi.Availability;
import dev.arsenal.spi.Provider;
import dev.arsenal.spi.crypto.AbstractCryptoProvider;
import dev.arsenal.spi.crypto.SecretMemoryProvider;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * The C library's memory calls through FFM ({@value #ID}): secret buffers on pages of their own,
 * locked in RAM and out of core dumps ({@link LockedMemory}). Linux only (its constants). Rank 110,
 * above the JDK's plain memory, below libsodium's guard pages.
 */
@ServiceProvider(value = Provider.class, resolution = Resolution.OPTIONAL)
@Component(service = Provider.class, property = "service.ranking:Integer=110")
public final class LibcCryptoProvider extends AbstractCryptoProvider implements SecretMemoryProvider {
    /** The provider's id: {@value}. */
    public static final String ID = "libc";

    /** Makes the provider; the C library is bound at the first probe. */
    public LibcCryptoProvider() {
        super(ID, ProviderKind.NATIVE, 110, List.of(SecretMemoryAlgorithm.SECRET_MEMORY));
    }

    /** Available on Linux where the C library's functions bind. */
    @Override
    public Availability probe(PlatformInfo platform) {
        if (!System.getProperty("os.name", "").equals("Linux")) {
            return Availability.unavailable(
                    "Linux only (mmap and madvise constants), not " + System.getProperty("os.name"));
        }
        java.util.Optional<String> refused =
                dev.arsenal.spi.NativeAccess.refusal(LibcCryptoProvider.class.getModule(), "the C library's mlock");
        if (refused.isPresent()) {
            return Availability.unavailable(refused.get());
        }
        try {
            return LockedMemory.binding().availability();
        } catch (RuntimeException | Error e) {
            return Availability.unavailable("binding the C library failed: " + e, e);
        }
    }

    @Override
    public SecretBuffer allocate(long byteSize) {
        return LockedMemory.allocate(byteSize);
    }

    /** What it does, and how much this process may lock. */
    @Override
    public String description() {
        long limit;
        try {
            limit = LockedMemory.lockLimit();
        } catch (RuntimeException | Error e) {
            limit = -1;
        }
        String locks = limit == Long.MAX_VALUE
                ? "without limit"
                : limit < 0
                        ? "up to an unknown limit"
                        : "up to " + (limit / 1024) + " KiB (ulimit -l), unlocked past it";
        return "the C library through FFM: secret buffers mmap'ed, madvise(MADV_DONTDUMP), mlock'ed " + locks;
    }
}
