package dev.arsenal.benchmarks.crypto;

import dev.arsenal.Arsenal;
import dev.arsenal.Configuration;
import dev.arsenal.crypto.Crypto;
import dev.arsenal.crypto.CryptoView;
import dev.arsenal.crypto.Digest;
import dev.arsenal.crypto.DigestAlgorithm;
import dev.arsenal.crypto.DigestSpec;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.digests.Blake2bDigest;
import org.bouncycastle.crypto.digests.Blake3Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
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

/**
 * Cryptographic digests, one-shot, from 64 B to 1 MiB: what Arsenal gives a user, each Arsenal
 * provider forced, and the anchors used directly as their users write them: the JDK's {@link
 * MessageDigest} (SHA-2, kept and reused) and Bouncy Castle's lightweight digests (kept and reused).
 * Each is checked against the selected one before it is measured. Scores are average nanoseconds
 * per digest.
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar DigestBenchmark -p algorithm=blake3
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
public class DigestBenchmark {
    @Param({"sha-256", "sha-512", "blake2b", "blake3"})
    String algorithm;

    @Param({"64", "1024", "16384", "1048576"})
    int size;

    private DigestAlgorithm digestAlgorithm;
    private byte[] message;

    private Digest selected;
    private Digest jdk;
    private Digest bouncyCastle;
    private Digest java;
    private Digest simd;
    private Digest sodium;
    private Digest conscrypt;
    private Digest openssl;
    private MessageDigest messageDigest;
    private org.bouncycastle.crypto.Digest bcDigest;
    private byte[] bcOut;

    @Setup
    public void setup() throws NoSuchAlgorithmException {
        digestAlgorithm = DigestAlgorithm.byId(algorithm);
        message = new byte[size];
        new SplittableRandom(42).nextBytes(message);
        selected = Crypto.digest(digestAlgorithm);
        byte[] expected = selected.digest(message);
        bouncyCastle = forced("bouncycastle", expected);
        jdk = forced("jdk-crypto", expected);
        java = forced("java-crypto", expected);
        simd = forced("simd-crypto", expected);
        sodium = forced("libsodium", expected);
        conscrypt = forced("conscrypt", expected);
        openssl = forced("openssl", expected);
        bcDigest = switch (digestAlgorithm) {
            case SHA_256 -> new SHA256Digest();
            case SHA_512 -> new SHA512Digest();
            case BLAKE2B -> new Blake2bDigest(512);
            case BLAKE3 -> new Blake3Digest(256);
        };
        bcOut = new byte[bcDigest.getDigestSize()];
        bouncyCastleDigest();
        check("Bouncy Castle's digest", bcOut, expected);
        if (digestAlgorithm == DigestAlgorithm.SHA_256 || digestAlgorithm == DigestAlgorithm.SHA_512) {
            messageDigest =
                    MessageDigest.getInstance(digestAlgorithm == DigestAlgorithm.SHA_256 ? "SHA-256" : "SHA-512");
            check("the JDK's MessageDigest", messageDigest.digest(message), expected);
        }
    }

    /** The provider's digest, checked; null where the provider has no such algorithm. */
    private Digest forced(String provider, byte[] expected) {
        Digest d;
        try {
            d = Arsenal.create(Configuration.defaults().withForcedProvider(digestAlgorithm, provider))
                    .view(CryptoView.class)
                    .digest(digestAlgorithm, DigestSpec.defaults());
            check(provider, d.digest(message), expected);
        } catch (RuntimeException e) {
            return null; // the provider has no such algorithm: its benchmark says so when run
        }
        return d;
    }

    private static void check(String what, byte[] got, byte[] expected) {
        if (!Arrays.equals(got, expected)) {
            throw new IllegalStateException(what + " gives other bytes than the selected digest");
        }
    }

    private static byte[] run(Digest d, String provider, byte[] message) {
        if (d == null) {
            throw new UnsupportedOperationException(provider + " has no such digest");
        }
        return d.digest(message);
    }

    /** {@link Crypto#digest}, the runtime's choice. */
    @Benchmark
    public byte[] arsenalSelected() {
        return selected.digest(message);
    }

    /** Arsenal's {@code jdk-crypto} provider, forced (SHA-2 only). */
    @Benchmark
    public byte[] arsenalJdk() {
        return run(jdk, "jdk-crypto", message);
    }

    /** Arsenal's {@code bouncycastle} provider, forced. */
    @Benchmark
    public byte[] arsenalBouncyCastle() {
        return run(bouncyCastle, "bouncycastle", message);
    }

    /** Arsenal's own Java BLAKE3, forced. */
    @Benchmark
    public byte[] arsenalJava() {
        return run(java, "java-crypto", message);
    }

    /** Arsenal's BLAKE3 on the Vector API, forced. */
    @Benchmark
    public byte[] arsenalSimd() {
        return run(simd, "simd-crypto", message);
    }

    /** Arsenal's {@code libsodium} provider (FFM), forced (SHA-2 and BLAKE2b). */
    @Benchmark
    public byte[] arsenalSodium() {
        return run(sodium, "libsodium", message);
    }

    /** Arsenal's {@code openssl} provider (libcrypto 3 through FFM), forced (SHA-2, and BLAKE2b at 64 bytes). */
    @Benchmark
    public byte[] arsenalOpenSsl() {
        return run(openssl, "openssl", message);
    }

    /** Arsenal's {@code conscrypt} provider (BoringSSL through JNI), forced (SHA-2 only). */
    @Benchmark
    public byte[] arsenalConscrypt() {
        return run(conscrypt, "conscrypt", message);
    }

    /** The JDK's {@link MessageDigest}, kept and reused (SHA-2 only). */
    @Benchmark
    public byte[] jdkMessageDigest() {
        if (messageDigest == null) {
            throw new UnsupportedOperationException("the JDK has no " + algorithm);
        }
        return messageDigest.digest(message);
    }

    /** Bouncy Castle's lightweight digest, kept and reused. */
    @Benchmark
    public byte[] bouncyCastleDigest() {
        bcDigest.update(message, 0, message.length);
        bcDigest.doFinal(bcOut, 0);
        return bcOut;
    }
}
