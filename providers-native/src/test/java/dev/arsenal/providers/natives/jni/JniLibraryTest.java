package dev.arsenal.providers.natives.jni;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arsenal.spi.Availability;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@link JniLibrary}'s probe: what it says when a library is missing or fails, and {@link JniLibrary.Once}. */
class JniLibraryTest {
    @Test
    void aMissingClassNamesTheClassAndTheModule() {
        Availability a = JniLibrary.probe(
                "somelib",
                "org.example.Missing",
                "org.example.somelib",
                getClass().getClassLoader(),
                () -> {
                    throw new AssertionError("must not load when the class is missing");
                });
        assertFalse(a.isAvailable());
        assertTrue(a.cause().contains("somelib not on the class path (org.example.Missing not found"), a.cause());
        assertTrue(a.cause().contains("org.example.somelib"), a.cause());
    }

    @Test
    void aLoaderFailureSaysTheRootCause() {
        Availability a = JniLibrary.probe("somelib", String.class.getName(), "java.base", null, () -> {
            throw new ExceptionInInitializerError(new UnsatisfiedLinkError("no somelib in java.library.path"));
        });
        assertFalse(a.isAvailable());
        assertEquals(
                "somelib native library failed to load: java.lang.UnsatisfiedLinkError: no somelib in java.library.path",
                a.cause());
    }

    @Test
    void onceProbesOnceAndKeepsTheOutcome() {
        AtomicInteger runs = new AtomicInteger();
        JniLibrary.Once once = new JniLibrary.Once("somelib", () -> {
            runs.incrementAndGet();
            return Availability.available();
        });
        Availability first = once.get();
        assertSame(first, once.get());
        assertTrue(first.isAvailable());
        assertEquals(1, runs.get());
    }

    @Test
    void aProbeThatThrowsIsUnavailableWithItsCauseAndIsNotRunAgain() {
        AtomicInteger runs = new AtomicInteger();
        JniLibrary.Once once = new JniLibrary.Once("somelib", () -> {
            runs.incrementAndGet();
            throw new IllegalStateException("broken");
        });
        Availability a = once.get();
        assertFalse(a.isAvailable());
        assertEquals("probing somelib failed: java.lang.IllegalStateException: broken", a.cause());
        assertSame(a, once.get());
        assertEquals(1, runs.get());
    }
}
