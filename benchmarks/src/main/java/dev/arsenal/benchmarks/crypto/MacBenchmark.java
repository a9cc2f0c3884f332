package dev.arsenal.benchmarks.crypto;

import dev.arsenal.Arsenal;
import dev.arsenal.Configuration;
import dev.arsenal.crypto.Crypto;
import dev.arsenal.crypto.CryptoView;
import dev.arsenal.crypto.Mac;
import dev.arsenal.crypto.MacAlgorithm;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.macs.HMac;
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

/**
 * HMAC tags, one-shot, from 64 B to 1 MiB, with a 32-byte key: what Arsenal gives a user, each
 * Arsenal provider forced, and the anchors used directly as their users write them, each kept and
 * reused: the JDK's {@link javax.crypto.Mac}, Conscrypt's (its provider object, not installed) and
 * Bouncy Castle's {@link HMac}. Each is checked against the selected one before it is measured.
 * Scores are average nanoseconds per tag.
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar MacBenchmark -p algorithm=hmac-sha-256
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
public class MacBenchmark {
    @Param({"hmac-sha-256", "hmac-sha-512"})
    String algorithm;

    @Param({"64", "1024", "16384", "1048576"})
    int size;

    private MacAlgorithm macAlgorithm;
    private byte[] key;
    private byte[] message;

    private Mac selected;
    private Mac jdk;
    private Mac bouncyCastle;
    private Mac conscrypt;
    private Mac openssl;
    private javax.crypto.Mac jdkMac;
    private javax.crypto.Mac conscryptMac;
    private HMac bcMac;
    private byte[] bcOut;

    @Setup
    public void setup() throws GeneralSecurityException {
        macAlgorithm = MacAlgorithm.byId(algorithm);
        SplittableRandom r = new SplittableRandom(42);
        key = new byte[32];
        r.nextBytes(key);
        message = new byte[size];
        r.nextBytes(message);
        selected = Crypto.mac(macAlgorithm, key);
        byte[] expected = selected.mac(message);
        jdk = forced("jdk-crypto", expected);
        bouncyCastle = forced("bouncycastle", expected);
        conscrypt = forced("conscrypt", expected);
        openssl = forced("openssl", expected);
        String name = macAlgorithm == MacAlgorithm.HMAC_SHA_256 ? "HmacSHA256" : "HmacSHA512";
        jdkMac = javax.crypto.Mac.getInstance(name, "SunJCE");
        jdkMac.init(new SecretKeySpec(key, name));
        check("the JDK's Mac", jdkMac.doFinal(message), expected);
        conscryptMac = javax.crypto.Mac.getInstance(name, org.conscrypt.Conscrypt.newProvider());
        conscryptMac.init(new SecretKeySpec(key, name));
        check("Conscrypt's Mac", conscryptMac.doFinal(message), expected);
        bcMac = new HMac(macAlgorithm == MacAlgorithm.HMAC_SHA_256 ? new SHA256Digest() : new SHA512Digest());
        bcMac.init(new KeyParameter(key));
        bcOut = new byte[bcMac.getMacSize()];
        check("Bouncy Castle's HMac", bouncyCastleHMac(), expected);
    }

    private Mac forced(String provider, byte[] expected) {
        Mac m = Arsenal.create(Configuration.defaults().withForcedProvider(macAlgorithm, provider))
                .view(CryptoView.class)
                .mac(macAlgorithm, key);
        check(provider, m.mac(message), expected);
        return m;
    }

    private static void check(String what, byte[] got, byte[] expected) {
        if (!Arrays.equals(got, expected)) {
            throw new IllegalStateException(what + " gives another tag than the selected MAC");
        }
    }

    /** {@link Crypto#mac}, the runtime's choice. */
    @Benchmark
    public byte[] arsenalSelected() {
        return selected.mac(message);
    }

    /** Arsenal's {@code jdk-crypto} provider, forced. */
    @Benchmark
    public byte[] arsenalJdk() {
        return jdk.mac(message);
    }

    /** Arsenal's {@code bouncycastle} provider, forced. */
    @Benchmark
    public byte[] arsenalBouncyCastle() {
        return bouncyCastle.mac(message);
    }

    /** Arsenal's {@code conscrypt} provider (BoringSSL through JNI), forced. */
    @Benchmark
    public byte[] arsenalConscrypt() {
        return conscrypt.mac(message);
    }

    /** Arsenal's {@code openssl} provider (EVP_MAC through FFM), forced. */
    @Benchmark
    public byte[] arsenalOpenSsl() {
        return openssl.mac(message);
    }

    /** The JDK's {@link javax.crypto.Mac}, kept and reused ({@code doFinal} resets it). */
    @Benchmark
    public byte[] jdkMac() {
        return jdkMac.doFinal(message);
    }

    /** Conscrypt's {@link javax.crypto.Mac}, kept and reused. */
    @Benchmark
    public byte[] conscryptMac() {
        return conscryptMac.doFinal(message);
    }

    /** Bouncy Castle's {@link HMac}, kept and reused. */
    @Benchmark
    public byte[] bouncyCastleHMac() {
        bcMac.update(message, 0, message.length);
        bcMac.doFinal(bcOut, 0);
        return bcOut;
    }
}
