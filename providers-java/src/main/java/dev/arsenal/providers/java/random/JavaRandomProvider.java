package dev.arsenal.providers.java.random;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import dev.arsenal.ProviderKind;
import dev.arsenal.platform.PlatformInfo;
import dev.arsenal.random.RandomAlgorithm;
import dev.arsenal.spi.Availability;
import dev.arsenal.spi.Provider;
import dev.arsenal.spi.random.AbstractRandomProvider;
import dev.arsenal.spi.random.Generators;
import org.osgi.service.component.annotations.Component;

/**
 * The pure-Java generators ({@value #ID}): every {@link RandomAlgorithm} as the SPI's {@link
 * Generators} define it, one output at a time. Always available; rank 100.
 */
@ServiceProvider(value = Provider.class, resolution = Resolution.OPTIONAL)
@Component(service = Provider.class, property = "service.ranking:Integer=100")
public final class JavaRandomProvider extends AbstractRandomProvider {
    /** The provider's id: {@value}. */
    public static final String ID = "java-random";

    /** Makes the provider. */
    public JavaRandomProvider() {
        super(ID, ProviderKind.JAVA, 100);
    }

    @Override
    public Availability probe(PlatformInfo platform) {
        return Availability.available();
    }

    @Override
    public String description() {
        return "Arsenal's Java SplitMix64, PCG32, PCG64, xoshiro256++ and xoshiro256** (reference sequences)";
    }
}
