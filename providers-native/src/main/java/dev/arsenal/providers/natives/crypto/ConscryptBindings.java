package dev.arsenal.providers.natives.crypto;

import java.security.Provider;
import org.conscrypt.Conscrypt;

/**
 * The one class that names Conscrypt's types, loaded only after {@link ConscryptCryptoProvider}'s
 * probe found Conscrypt on the class path: its native library's load, and its JCA provider, made
 * once per class loader and never installed in {@link java.security.Security} (Arsenal asks it by
 * object, so an application's provider order is its own).
 */
final class ConscryptBindings {
    /** ChaCha20-Poly1305's name among Conscrypt's ciphers. */
    static final String CHACHA = "ChaCha20/Poly1305/NoPadding";

    private ConscryptBindings() {}

    /** Made on first use, after {@link #load()} succeeded. */
    private static final class Holder {
        static final Provider PROVIDER = Conscrypt.newProvider();
    }

    /**
     * Loads Conscrypt's native library (BoringSSL, extracted from the jar), or throws what the load
     * threw.
     *
     * @return Conscrypt's version, for the description
     */
    static String load() {
        Conscrypt.checkAvailability();
        Conscrypt.Version v = Conscrypt.version();
        return "Conscrypt " + v.major() + "." + v.minor() + "." + v.patch();
    }

    /** Conscrypt's JCA provider, not installed in {@link java.security.Security}. */
    static Provider provider() {
        return Holder.PROVIDER;
    }
}
