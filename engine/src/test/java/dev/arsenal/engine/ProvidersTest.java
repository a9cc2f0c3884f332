package dev.arsenal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arsenal.Family;
import dev.arsenal.ProviderKind;
import dev.arsenal.spi.Provider;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Providers found by class and made only when a family they may serve is first needed. */
class ProvidersTest {
    private final List<String> made = new ArrayList<>();

    private Providers.Found found(Class<?> type, String id, Provider provider) {
        return new Providers.Found(type, () -> {
            made.add(id);
            return provider;
        });
    }

    @Test
    void aFamilyMakesItsOwnProvidersAndAReportMakesTheRest() {
        Providers providers = Providers.found(
                List.of(
                        found(FakeZstdProvider.class, "zstd", new FakeZstdProvider("zstd", 100, 1, 3)),
                        found(FakeCrcProvider.class, "crc", new FakeCrcProvider("crc", ProviderKind.JAVA, 100))),
                List.of());
        assertEquals(List.of(), made, "finding them makes none");
        assertEquals(
                List.of("crc"),
                providers.of(Family.HASHING).stream().map(Provider::id).toList());
        assertEquals(List.of("crc"), made, "the compression provider's constructor has not run");
        assertEquals(2, providers.all().size());
        assertEquals(List.of("crc", "zstd"), made);
        providers.all();
        assertEquals(2, made.size(), "each is made once");
    }

    @Test
    void aProviderThatCannotBeMadeOrRepeatsAnIdIsAProblemNotAFailure() {
        Providers providers = Providers.found(
                List.of(
                        new Providers.Found(FakeCrcProvider.class, () -> {
                            throw new IllegalStateException("no library");
                        }),
                        found(FakeCrcProvider.class, "a", new FakeCrcProvider("same", ProviderKind.JAVA, 100)),
                        found(FakeCrcProvider.class, "b", new FakeCrcProvider("same", ProviderKind.NATIVE, 200))),
                List.of("found earlier"));
        assertEquals(1, providers.of(Family.HASHING).size());
        List<String> problems = providers.problems();
        assertEquals("found earlier", problems.getFirst());
        assertTrue(
                problems.get(1).contains("could not be created: java.lang.IllegalStateException: no library"),
                problems::toString);
        assertTrue(problems.get(2).contains("duplicate provider id 'same'"), problems::toString);
    }

    @Test
    void aProviderIsMadeByNameOnlyWhenItsClassMakesThatId() {
        Providers providers = Providers.deferred(getClass().getClassLoader(), () -> {
            throw new AssertionError("making by name finds no provider");
        });
        assertEquals(Optional.empty(), providers.make("named", "no.such.Provider"));
        assertEquals(Optional.empty(), providers.make("named", String.class.getName()), "not a provider");
        assertEquals(
                Optional.empty(),
                providers.make("another", NamedCrcProvider.class.getName()),
                "a provider of another id");
        Provider named =
                providers.make("named", NamedCrcProvider.class.getName()).orElseThrow();
        assertSame(
                named, providers.make("named", NamedCrcProvider.class.getName()).orElseThrow(), "made once");
        assertEquals(
                Optional.empty(), providers.make("named", FakeCrcProvider.class.getName()), "the id, of another class");
        assertEquals(List.of(named), providers.made());
    }
}
