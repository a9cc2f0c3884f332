package dev.arsenal.benchmarks.crypto;

import dev.arsenal.Arsenal;
import dev.arsenal.Configuration;
import dev.arsenal.crypto.Aead;
import dev.arsenal.crypto.AeadAlgorithm;
import dev.arsenal.crypto.Crypto;
import dev.arsenal.crypto.CryptoView;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.AEADCipher;
import org.bouncycastle.crypto.modes.ChaCha20Poly1305;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * AEAD sealing (encryption with a 16-byte tag, 13 bytes of associated data) from 64 B to 1 MiB:
 * what Arsenal gives a user, each Arsenal provider forced, and the anchors used directly as their
 * users write them: the JDK's {@code Cipher} from SunJCE (made and initialized per message, as a
 * JCA cipher must be for a new nonce) and Bouncy Castle's lightweight ciphers (made and
 * initialized per message). Each message has a nonce of its own (a counter), as it must.
 *
 * <p>Each implementation is checked against the JDK's before it is measured (the same sealed
 * bytes). Scores are average nanoseconds per message.
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar AeadBenchmark -p size=16384
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {
            "--add-modules",
            "jdk.incubator.vector",
            "--enable-native-access=ALL-UNNAMED",
            "--sun-misc-unsafe-memory-access=allow" // JMH's own
        })
public class AeadBenchmark {
    @Param({"chacha20-poly1305", "xchacha20-poly1305", "aes-256-gcm"})
    String algorithm;

    @Param({"64", "1024", "16384", "1048576"})
    int size;

    private AeadAlgorithm aeadAlgorithm;
    private byte[] key;
    private byte[] message;
    private final byte[] aad = new byte[13];
    private byte[] out;
    private byte[] nonce;
    private long counter;

    private Aead selected;
    private Aead jdk;
    private Aead bouncyCastle;
    private Aead sodium;
    private Aead openssl;
    private Aead conscrypt;
    private Aead simd;
    private java.security.Provider conscryptJca;

    @Setup
    public void setup(BenchmarkParams params) throws GeneralSecurityException, InvalidCipherTextException {
        aeadAlgorithm = AeadAlgorithm.byId(algorithm);
        SplittableRandom r = new SplittableRandom(42);
        key = new byte[aeadAlgorithm.keyBytes()];
        r.nextBytes(key);
        message = new byte[size];
        r.nextBytes(message);
        out = new byte[size + aeadAlgorithm.tagBytes()];
        nonce = new byte[aeadAlgorithm.nonceBytes()];
        selected = Crypto.aead(aeadAlgorithm, key);
        jdk = forced("jdk-crypto");
        bouncyCastle = forced("bouncycastle");
        byte[] expected = jdk.encrypt(nonce, message, aad);
        check("selected", selected.encrypt(nonce, message, aad), expected);
        check("bouncycastle", bouncyCastle.encrypt(nonce, message, aad), expected);
        sodium = forced("libsodium");
        openssl = forced("openssl");
        check("libsodium", sodium.encrypt(nonce, message, aad), expected);
        check("openssl", openssl.encrypt(nonce, message, aad), expected);
        conscrypt = forced("conscrypt");
        check("conscrypt", conscrypt.encrypt(nonce, message, aad), expected);
        conscryptJca = org.conscrypt.Conscrypt.newProvider();
        if (aeadAlgorithm != AeadAlgorithm.AES_256_GCM && aeadAlgorithm != AeadAlgorithm.AES_128_GCM) {
            simd = forced("simd-crypto");
            check("simd-crypto", simd.encrypt(nonce, message, aad), expected);
        } else if (params.getBenchmark().endsWith(".arsenalSimd")) {
            throw new UnsupportedOperationException("simd-crypto has no " + algorithm
                    + ": the JDK's VAES and carry-less multiply intrinsics are AES-GCM's SIMD path");
        }
        if (aeadAlgorithm != AeadAlgorithm.XCHACHA20_POLY1305) {
            byte[] raw = new byte[out.length];
            jdkCipher(raw);
            check("the JDK's Cipher", raw, expected);
            counter = 0;
            java.util.Arrays.fill(nonce, (byte) 0);
            bouncyCastleCipher(raw);
            check("Bouncy Castle's cipher", raw, expected);
            counter = 0;
            java.util.Arrays.fill(nonce, (byte) 0);
            conscryptCipher(raw);
            check("Conscrypt's cipher", raw, expected);
        }
    }

    private Aead forced(String provider) {
        return Arsenal.create(Configuration.defaults().withForcedProvider(aeadAlgorithm, provider))
                .view(CryptoView.class)
                .aead(aeadAlgorithm, key);
    }

    private static void check(String what, byte[] got, byte[] expected) {
        if (!Arrays.equals(got, expected)) {
            throw new IllegalStateException(what + " seals other bytes than the JDK");
        }
    }

    /** The next nonce: the counter in its first 8 bytes. */
    private byte[] nextNonce() {
        long c = counter++;
        for (int i = 0; i < 8; i++) {
            nonce[i] = (byte) (c >>> (8 * i));
        }
        return nonce;
    }

    /** {@link Crypto#aead}, the runtime's choice. */
    @Benchmark
    public int arsenalSelected() {
        return selected.encrypt(nextNonce(), message, 0, size, aad, out, 0);
    }

    /** Arsenal's {@code jdk-crypto} provider, forced. */
    @Benchmark
    public int arsenalJdk() {
        return jdk.encrypt(nextNonce(), message, 0, size, aad, out, 0);
    }

    /** Arsenal's {@code bouncycastle} provider, forced. */
    @Benchmark
    public int arsenalBouncyCastle() {
        return bouncyCastle.encrypt(nextNonce(), message, 0, size, aad, out, 0);
    }

    /** Arsenal's {@code libsodium} provider (FFM), forced. */
    @Benchmark
    public int arsenalSodium() {
        return sodium.encrypt(nextNonce(), message, 0, size, aad, out, 0);
    }

    /** Arsenal's {@code openssl} provider (libcrypto 3 through FFM), forced. */
    @Benchmark
    public int arsenalOpenSsl() {
        return openssl.encrypt(nextNonce(), message, 0, size, aad, out, 0);
    }

    /** Arsenal's {@code simd-crypto} provider (ChaCha20 on the Vector API), forced; not for AES-GCM. */
    @Benchmark
    public int arsenalSimd() {
        return simd.encrypt(nextNonce(), message, 0, size, aad, out, 0);
    }

    /** Arsenal's {@code conscrypt} provider (BoringSSL through JNI), forced. */
    @Benchmark
    public int arsenalConscrypt() {
        return conscrypt.encrypt(nextNonce(), message, 0, size, aad, out, 0);
    }

    /** Conscrypt's cipher as its users write it, made and initialized per message (no XChaCha). */
    @Benchmark
    public int conscryptCipher() throws GeneralSecurityException {
        return conscryptCipher(out);
    }

    private int conscryptCipher(byte[] into) throws GeneralSecurityException {
        return jcaCipher(into, conscryptJca, "ChaCha20/Poly1305/NoPadding");
    }

    /** The JDK's SunJCE cipher as its users write it (no XChaCha: the JDK has none). */
    @Benchmark
    public int jdkCipher() throws GeneralSecurityException {
        return jdkCipher(out);
    }

    private int jdkCipher(byte[] into) throws GeneralSecurityException {
        return jcaCipher(into, java.security.Security.getProvider("SunJCE"), "ChaCha20-Poly1305");
    }

    /**
     * A JCA cipher of {@code jca} as its users write it: made and initialized per message ({@code
     * chacha} is the provider's name of ChaCha20-Poly1305). Neither the JDK nor Conscrypt has
     * XChaCha20-Poly1305.
     */
    private int jcaCipher(byte[] into, java.security.Provider jca, String chacha) throws GeneralSecurityException {
        if (aeadAlgorithm == AeadAlgorithm.XCHACHA20_POLY1305) {
            throw new UnsupportedOperationException(jca.getName() + " has no XChaCha20-Poly1305");
        }
        boolean gcm = aeadAlgorithm != AeadAlgorithm.CHACHA20_POLY1305;
        Cipher c = Cipher.getInstance(gcm ? "AES/GCM/NoPadding" : chacha, jca);
        byte[] n = nextNonce();
        c.init(
                Cipher.ENCRYPT_MODE,
                new SecretKeySpec(key, gcm ? "AES" : "ChaCha20"),
                gcm ? new GCMParameterSpec(128, n) : new IvParameterSpec(n));
        c.updateAAD(aad);
        return c.doFinal(message, 0, size, into, 0);
    }

    /** Bouncy Castle's lightweight cipher as its users write it (no XChaCha20-Poly1305 mode). */
    @Benchmark
    public int bouncyCastleCipher() throws InvalidCipherTextException {
        return bouncyCastleCipher(out);
    }

    private int bouncyCastleCipher(byte[] into) throws InvalidCipherTextException {
        if (aeadAlgorithm == AeadAlgorithm.XCHACHA20_POLY1305) {
            throw new UnsupportedOperationException("Bouncy Castle has no XChaCha20-Poly1305 mode");
        }
        AEADCipher c = aeadAlgorithm == AeadAlgorithm.CHACHA20_POLY1305
                ? new ChaCha20Poly1305()
                : GCMBlockCipher.newInstance(AESEngine.newInstance());
        c.init(true, new AEADParameters(new KeyParameter(key), 128, nextNonce().clone(), aad));
        int n = c.processBytes(message, 0, size, into, 0);
        return n + c.doFinal(into, n);
    }
}
