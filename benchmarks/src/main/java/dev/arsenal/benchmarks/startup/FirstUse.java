package dev.arsenal.benchmarks.startup;

import dev.arsenal.compression.Codec;
import dev.arsenal.compression.Compression;
import dev.arsenal.crypto.Crypto;
import dev.arsenal.crypto.CurvePrivateKey;
import dev.arsenal.crypto.SignatureAlgorithm;
import dev.arsenal.hashing.Hashing;
import dev.arsenal.random.Randoms;
import java.util.Locale;

/**
 * The first use of each family in a fresh JVM, timed from inside: for each family named on the
 * command line ({@code hashing}, {@code compression}, {@code crypto}, and {@code digest} and {@code
 * sign}: the crypto family through BLAKE3 and through an Ed25519 signature of 100 bytes; {@code
 * random}: {@code Randoms.of("xoshiro256++", 42).nextLong()}), in order,
 * the time from
 * asking for its first primitive to the result of its first call ({@code
 * Hashing.xxh3_64().hash(100 bytes)}, {@code Compression.compressor(Codec.ZSTD).compress(1000
 * bytes)}, {@code Crypto.chacha20Poly1305(key).encrypt(100 bytes)}), which includes the engine's
 * start when it is the first. Prints one line, {@code hashing 123.4 ms, compression 56.7 ms}, after
 * all are done (printing costs a first use of its own). {@code benchmarks/run-startup.sh} runs it
 * in fresh JVMs and reports medians; a JMH benchmark cannot, since its forks are warmed up by design.
 */
public final class FirstUse {
    private FirstUse() {}

    /** Runs the first uses named in {@code args} (default: hashing, then compression). */
    public static void main(String[] args) {
        String[] families = args.length == 0 ? new String[] {"hashing", "compression"} : args;
        long[] nanos = new long[families.length];
        long sink = 0;
        for (int i = 0; i < families.length; i++) {
            long start = System.nanoTime();
            sink += switch (families[i]) {
                case "hashing" -> Hashing.xxh3_64().hash(new byte[100]);
                case "compression" -> Compression.compressor(Codec.ZSTD).compress(new byte[1000]).length;
                case "crypto" ->
                    Crypto.chacha20Poly1305(new byte[32]).encrypt(new byte[12], new byte[100], null).length;
                case "digest" -> Crypto.blake3().digest(new byte[100]).length;
                case "random" -> Randoms.of("xoshiro256++", 42).nextLong();
                case "sign" ->
                    Crypto.signer(CurvePrivateKey.of(SignatureAlgorithm.ED25519, new byte[32]))
                            .sign(new byte[100])
                            .length;
                default ->
                    throw new IllegalArgumentException(
                            "no family " + families[i] + " (hashing, compression, crypto, digest, sign, random)");
            };
            nanos[i] = System.nanoTime() - start;
        }
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < families.length; i++) {
            line.append(i == 0 ? "" : ", ")
                    .append(families[i])
                    .append(' ')
                    .append(String.format(Locale.ROOT, "%.1f", nanos[i] / 1e6))
                    .append(" ms");
        }
        System.out.println(line + (sink == 42 ? " " : ""));
    }
}
