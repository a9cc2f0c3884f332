package dev.arsenal.crypto;

import dev.arsenal.Arsenal;
import dev.arsenal.ArsenalException;
import dev.arsenal.ArsenalRuntime;
import java.security.Security;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Arsenal's JCA provider ({@value #NAME}): the implementation Arsenal selected on this machine for
 * each algorithm, under the JCA's standard names, so that an application speeds up unchanged:
 *
 * <pre>{@code
 * Security.insertProviderAt(new ArsenalProvider(), 1);
 * Signature s = Signature.getInstance("Ed25519");   // libsodium's, where it is installed
 * }</pre>
 *
 * <table class="striped">
 *   <caption>Services</caption>
 *   <tr><th>Type</th><th>Algorithms</th></tr>
 *   <tr><td>{@code Cipher}</td><td>{@code ChaCha20-Poly1305}, {@code XChaCha20-Poly1305}, {@code
 *       AES/GCM/NoPadding} (AES-128 or AES-256 by the key), {@code AES_128/GCM/NoPadding}, {@code
 *       AES_256/GCM/NoPadding}</td></tr>
 *   <tr><td>{@code MessageDigest}</td><td>{@code SHA-256}, {@code SHA-512}, {@code BLAKE2b-160},
 *       {@code -256}, {@code -384}, {@code -512}, {@code BLAKE3-256}</td></tr>
 *   <tr><td>{@code Mac}</td><td>{@code HmacSHA256}, {@code HmacSHA512}</td></tr>
 *   <tr><td>{@code Signature}</td><td>{@code Ed25519} (pure)</td></tr>
 *   <tr><td>{@code KeyAgreement}</td><td>{@code X25519}</td></tr>
 *   <tr><td>{@code KeyPairGenerator}</td><td>{@code Ed25519}, {@code X25519}</td></tr>
 * </table>
 *
 * <p>An algorithm that no provider can serve (none passed its self-test, or configuration forbids
 * them) is not registered, so that the JCA falls through to the next provider; {@link #refused()}
 * says why, as {@code arsenal info} does. The services are those available when the provider is
 * made; the objects they hand out come from the runtime's view, and in an OSGi framework follow its
 * providers as they come and go. Keys are Arsenal's ({@link CurveKey}), which are the JDK's key
 * types too; keys of other providers are read through their standard encodings. There is no {@code
 * KeyFactory}: the JDK's makes keys this provider takes.
 *
 * <p>Services are made without reflection, so the provider works on the module path and in OSGi as
 * on the class path. The OpenJDK builds (Temurin and others) load unsigned JCA providers; Oracle's
 * JDK asks a provider of {@code Cipher}, {@code Mac} and {@code KeyAgreement} to be signed with a
 * JCE code-signing certificate, which this jar is not.
 */
public final class ArsenalProvider extends java.security.Provider {
    private static final long serialVersionUID = 1L;

    /** The provider's name: {@value}. */
    public static final String NAME = "Arsenal";

    /** Why each algorithm that is not registered is not, by its standard name. */
    private final transient Map<String, String> refused = new LinkedHashMap<>();

    /** The provider over the {@linkplain Arsenal#runtime() default runtime}. */
    public ArsenalProvider() {
        this(Arsenal.runtime());
    }

    /** The provider over {@code runtime}'s selection. */
    public ArsenalProvider(ArsenalRuntime runtime) {
        super(NAME, Arsenal.version(), "Arsenal: each algorithm from the implementation selected on this machine");
        CryptoView crypto = runtime.view(CryptoView.class);
        cipher("ChaCha20-Poly1305", AeadAlgorithm.CHACHA20_POLY1305, crypto, "1.2.840.113549.1.9.16.3.18");
        cipher("XChaCha20-Poly1305", AeadAlgorithm.XCHACHA20_POLY1305, crypto);
        if (available("AES/GCM/NoPadding", () -> crypto.aead(AeadAlgorithm.AES_256_GCM, new byte[32]))
                && available("AES/GCM/NoPadding", () -> crypto.aead(AeadAlgorithm.AES_128_GCM, new byte[16]))) {
            add("Cipher", "AES/GCM/NoPadding", () -> new ArsenalCipherSpi(null, crypto));
        }
        cipher("AES_128/GCM/NoPadding", AeadAlgorithm.AES_128_GCM, crypto, "2.16.840.1.101.3.4.1.6");
        cipher("AES_256/GCM/NoPadding", AeadAlgorithm.AES_256_GCM, crypto, "2.16.840.1.101.3.4.1.46");
        digest("SHA-256", DigestAlgorithm.SHA_256, DigestSpec.defaults(), crypto, "SHA256", "2.16.840.1.101.3.4.2.1");
        digest("SHA-512", DigestAlgorithm.SHA_512, DigestSpec.defaults(), crypto, "SHA512", "2.16.840.1.101.3.4.2.3");
        for (int bits : new int[] {160, 256, 384, 512}) {
            digest("BLAKE2b-" + bits, DigestAlgorithm.BLAKE2B, DigestSpec.ofLength(bits / 8), crypto);
        }
        digest("BLAKE3-256", DigestAlgorithm.BLAKE3, DigestSpec.defaults(), crypto);
        mac("HmacSHA256", MacAlgorithm.HMAC_SHA_256, crypto, "1.2.840.113549.2.9");
        mac("HmacSHA512", MacAlgorithm.HMAC_SHA_512, crypto, "1.2.840.113549.2.11");
        byte[] ed25519Key = java.util.HexFormat.of()
                .parseHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"); // RFC 8032's test 1
        if (available("Ed25519", () -> crypto.verifier(CurvePublicKey.of(SignatureAlgorithm.ED25519, ed25519Key)))) {
            SignatureAlgorithm ed25519 = SignatureAlgorithm.ED25519;
            add("Signature", "Ed25519", () -> new ArsenalSignatureSpi(ed25519, crypto), "1.3.101.112");
            add("KeyPairGenerator", "Ed25519", () -> new ArsenalKeyPairGeneratorSpi(ed25519, crypto), "1.3.101.112");
        }
        byte[] scalar = new byte[32];
        scalar[0] = 1;
        if (available("X25519", () -> crypto.agreement(CurvePrivateKey.of(KeyAgreementAlgorithm.X25519, scalar)))) {
            KeyAgreementAlgorithm x25519 = KeyAgreementAlgorithm.X25519;
            add("KeyAgreement", "X25519", () -> new ArsenalKeyAgreementSpi(x25519, crypto), "1.3.101.110");
            add("KeyPairGenerator", "X25519", () -> new ArsenalKeyPairGeneratorSpi(x25519, crypto), "1.3.101.110");
        }
    }

    /**
     * Inserts a new provider over the default runtime first in the JCA's list, unless one named
     * {@value #NAME} is installed already.
     *
     * @return the position it has, from 1
     */
    public static int install() {
        java.security.Provider[] installed = Security.getProviders();
        for (int i = 0; i < installed.length; i++) {
            if (installed[i].getName().equals(NAME)) {
                return i + 1;
            }
        }
        return Security.insertProviderAt(new ArsenalProvider(), 1);
    }

    /** Why each standard name not registered is not: no provider could serve it, with the engine's reason. */
    public Map<String, String> refused() {
        return Collections.unmodifiableMap(refused);
    }

    private void cipher(String name, AeadAlgorithm algorithm, CryptoView crypto, String... aliases) {
        if (available(name, () -> crypto.aead(algorithm, new byte[algorithm.keyBytes()]))) {
            add("Cipher", name, () -> new ArsenalCipherSpi(algorithm, crypto), aliases);
        }
    }

    private void digest(String name, DigestAlgorithm algorithm, DigestSpec spec, CryptoView crypto, String... aliases) {
        if (available(name, () -> crypto.digest(algorithm, spec))) {
            add("MessageDigest", name, () -> new ArsenalMessageDigestSpi(crypto.digest(algorithm, spec)), aliases);
        }
    }

    private void mac(String name, MacAlgorithm algorithm, CryptoView crypto, String... aliases) {
        if (available(name, () -> crypto.mac(algorithm, new byte[] {1}))) {
            add("Mac", name, () -> new ArsenalMacSpi(algorithm, key -> crypto.mac(algorithm, key)), aliases);
        }
    }

    /** Whether {@code probe} makes its primitive; if not, the reason is kept under {@code name}. */
    private boolean available(String name, Supplier<?> probe) {
        try {
            probe.get();
            return true;
        } catch (ArsenalException | IllegalStateException | UnsupportedOperationException e) {
            refused.put(name, e.getMessage());
            return false;
        }
    }

    private void add(String type, String algorithm, Supplier<Object> factory, String... oids) {
        List<String> aliases = new ArrayList<>();
        for (String alias : oids) {
            aliases.add(alias);
            if (Character.isDigit(alias.charAt(0))) {
                aliases.add("OID." + alias);
            }
        }
        putService(new Service(this, type, algorithm, factoryClass(type), aliases, null) {
            @Override
            public Object newInstance(Object constructorParameter) {
                return factory.get();
            }
        });
    }

    private static String factoryClass(String type) {
        return ArsenalProvider.class.getPackageName() + ".Arsenal"
                + switch (type) {
                    case "Cipher" -> "CipherSpi";
                    case "MessageDigest" -> "MessageDigestSpi";
                    case "Mac" -> "MacSpi";
                    case "Signature" -> "SignatureSpi";
                    case "KeyAgreement" -> "KeyAgreementSpi";
                    default -> "KeyPairGeneratorSpi";
                };
    }

    /** Equal to another only if it is the same object: two providers may sit over different runtimes. */
    @Override
    public synchronized boolean equals(Object o) {
        return this == o;
    }

    @Override
    public synchronized int hashCode() {
        return System.identityHashCode(this);
    }

    /** The name, the version, the services registered and those refused. */
    @Override
    public String toString() {
        return NAME + " " + getVersionStr() + ": " + getServices().size() + " services"
                + (refused.isEmpty() ? "" : ", not registered: " + refused.keySet());
    }
}
