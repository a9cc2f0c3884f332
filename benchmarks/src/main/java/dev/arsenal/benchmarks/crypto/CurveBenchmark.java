package dev.arsenal.benchmarks.crypto;

import dev.arsenal.Arsenal;
import dev.arsenal.Configuration;
import dev.arsenal.crypto.Agreement;
import dev.arsenal.crypto.CryptoView;
import dev.arsenal.crypto.CurvePrivateKey;
import dev.arsenal.crypto.CurvePublicKey;
import dev.arsenal.crypto.KeyAgreementAlgorithm;
import dev.arsenal.crypto.SignatureAlgorithm;
import dev.arsenal.crypto.Signer;
import dev.arsenal.crypto.Verifier;
import java.security.InvalidKeyException;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
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
 * Ed25519 signing and verifying (RFC 8032) and X25519 key agreement (RFC 7748) with each Arsenal
 * provider forced, side by side, one per value of the {@code provider} parameter: {@code
 * jdk-crypto} (SunEC), {@code bouncycastle}, {@code libsodium} (FFM) and {@code openssl}
 * (libcrypto 3 through FFM).
 *
 * <ul>
 *   <li>{@code sign}: {@link Signer#sign} of a {@code messageBytes}-byte message, with the signer made once;
 *   <li>{@code verify}: {@link Verifier#verify} of that message and its signature, with the verifier
 *       made once;
 *   <li>{@code signOneShot} and {@code verifyOneShot}: the same with a signer or verifier asked of the
 *       runtime for every message, as {@code Crypto.signer(key).sign(message)} and {@code
 *       Crypto.verifier(key).verify(message, signature)} do: the engine's hand-out and the provider's
 *       setup of the key are in the score (for a signer, deriving the public key, one more scalar
 *       multiplication);
 *   <li>{@code CurveBenchmark.X25519.agree}: {@link Agreement#agree} with a peer's public key, with the
 *       agreement made once (no message: the keys are 32 bytes).
 * </ul>
 *
 * <p>Each provider's objects come from {@code Arsenal.create(Configuration.defaults()
 * .withForcedProvider(algorithm, provider)).view(CryptoView.class)}: what the engine hands out for
 * that provider, reached without naming the provider's classes. The keys are fixed (a seeded {@link
 * SplittableRandom}). Before anything is measured, setup checks the provider against {@code
 * jdk-crypto}: the same public keys, the same signature (Ed25519 signs deterministically) which
 * verifies, and the same shared secret, which the peer computes too. A provider that cannot serve
 * here (no libsodium, no libcrypto 3) makes its setup throw: JMH reports those parameters as failed,
 * with the reason, and runs the rest. Scores are average nanoseconds per operation.
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar CurveBenchmark
 * java -jar benchmarks/target/benchmarks.jar 'CurveBenchmark.X25519' -p provider=libsodium,openssl
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
public class CurveBenchmark {
    /** The provider every operation is checked against. */
    private static final String REFERENCE = "jdk-crypto";

    @Param({"jdk-crypto", "bouncycastle", "libsodium", "openssl"})
    String provider;

    @Param({"64", "1024"})
    int messageBytes;

    private CryptoView crypto;
    private CurvePrivateKey privateKey;
    private CurvePublicKey publicKey;
    private byte[] message;
    private byte[] signature;

    private Signer signer;
    private Verifier verifier;

    @Setup
    public void setup() {
        SplittableRandom r = new SplittableRandom(42);
        byte[] seed = new byte[SignatureAlgorithm.ED25519.privateKeyLength()];
        r.nextBytes(seed);
        privateKey = CurvePrivateKey.of(SignatureAlgorithm.ED25519, seed);
        message = new byte[messageBytes];
        r.nextBytes(message);
        crypto = forced(provider);
        signer = crypto.signer(privateKey);
        publicKey = signer.publicKey();
        verifier = crypto.verifier(publicKey);
        signature = signer.sign(message);
        Signer reference = forced(REFERENCE).signer(privateKey);
        check("public key", publicKey.raw(), reference.publicKey().raw(), provider);
        check("signature", signature, reference.sign(message), provider);
        if (!verifier.verify(message, signature)) {
            throw new IllegalStateException(provider + " refuses its own Ed25519 signature");
        }
    }

    /** The crypto view of a runtime with {@code provider} forced for Ed25519 and X25519. */
    static CryptoView forced(String provider) {
        return Arsenal.create(Configuration.defaults()
                        .withForcedProvider(SignatureAlgorithm.ED25519, provider)
                        .withForcedProvider(KeyAgreementAlgorithm.X25519, provider))
                .view(CryptoView.class);
    }

    static void check(String what, byte[] got, byte[] expected, String provider) {
        if (!Arrays.equals(got, expected)) {
            throw new IllegalStateException(provider + " gives another " + what + " than " + REFERENCE);
        }
    }

    /** The signer made once. */
    @Benchmark
    public byte[] sign() {
        return signer.sign(message);
    }

    /** The verifier made once. */
    @Benchmark
    public boolean verify() {
        return verifier.verify(message, signature);
    }

    /** A signer asked of the runtime for every message, as {@code Crypto.signer(key).sign(message)}. */
    @Benchmark
    public byte[] signOneShot() {
        return crypto.signer(privateKey).sign(message);
    }

    /** A verifier asked of the runtime for every message, as {@code Crypto.verifier(key).verify(...)}. */
    @Benchmark
    public boolean verifyOneShot() {
        return crypto.verifier(publicKey).verify(message, signature);
    }

    /**
     * X25519: the shared secret of a fixed private key with a fixed peer's public key, with the
     * agreement made once. Apart from the Ed25519 benchmarks, since it has no message.
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
    public static class X25519 {
        @Param({"jdk-crypto", "bouncycastle", "libsodium", "openssl"})
        String provider;

        private Agreement agreement;
        private CurvePublicKey peer;

        @Setup
        public void setup() throws InvalidKeyException {
            SplittableRandom r = new SplittableRandom(42);
            byte[] mine = new byte[KeyAgreementAlgorithm.X25519.privateKeyLength()];
            r.nextBytes(mine);
            byte[] theirs = new byte[KeyAgreementAlgorithm.X25519.privateKeyLength()];
            r.nextBytes(theirs);
            CurvePrivateKey privateKey = CurvePrivateKey.of(KeyAgreementAlgorithm.X25519, mine);
            CurvePrivateKey peerKey = CurvePrivateKey.of(KeyAgreementAlgorithm.X25519, theirs);
            CryptoView crypto = forced(provider);
            agreement = crypto.agreement(privateKey);
            Agreement peerAgreement = crypto.agreement(peerKey);
            peer = peerAgreement.publicKey();
            CryptoView reference = forced(REFERENCE);
            Agreement referenceAgreement = reference.agreement(privateKey);
            check(
                    "public key",
                    agreement.publicKey().raw(),
                    referenceAgreement.publicKey().raw(),
                    provider);
            check(
                    "peer public key",
                    peer.raw(),
                    reference.agreement(peerKey).publicKey().raw(),
                    provider);
            byte[] secret = agreement.agree(peer);
            check("shared secret", secret, referenceAgreement.agree(peer), provider);
            if (!Arrays.equals(peerAgreement.agree(agreement.publicKey()), secret)) {
                throw new IllegalStateException(provider + "'s peer computes another X25519 shared secret");
            }
        }

        /** The agreement made once. */
        @Benchmark
        public byte[] agree() throws InvalidKeyException {
            return agreement.agree(peer);
        }
    }
}
