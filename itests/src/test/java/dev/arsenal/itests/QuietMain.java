package dev.arsenal.itests;

import dev.arsenal.Arsenal;
import dev.arsenal.compression.Codec;
import dev.arsenal.compression.Compression;
import dev.arsenal.compression.Compressor;
import dev.arsenal.crypto.Aead;
import dev.arsenal.crypto.AeadAlgorithm;
import dev.arsenal.crypto.Crypto;
import dev.arsenal.crypto.Digest;
import dev.arsenal.crypto.DigestAlgorithm;
import dev.arsenal.crypto.DigestStream;
import dev.arsenal.crypto.KdfAlgorithm;
import dev.arsenal.crypto.Mac;
import dev.arsenal.crypto.MacAlgorithm;
import dev.arsenal.hashing.Hashing;
import dev.arsenal.report.Decision;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A small application as a user writes it, run by {@link QuietApplicationIT} in a child JVM on
 * various flags: it uses every codec (both ways), every hash, every AEAD, digest, MAC and KDF through the static
 * entry points, then prints one line per algorithm with the provider that served it and the
 * provider's kind, and "ok" if every result was right. Whatever the JVM or Arsenal print on stderr is the test's business.
 */
final class QuietMain {
    private QuietMain() {}

    public static void main(String[] args) {
        byte[] data = "Arsenal keeps quiet when all is well. ".repeat(2000).getBytes(StandardCharsets.US_ASCII);
        boolean ok = Hashing.xxh64().hash("hello".getBytes(StandardCharsets.US_ASCII)) == 0x26c7827d889f6da3L;
        var s32 = Hashing.xxh32().newStream();
        s32.update(data);
        ok &= Hashing.xxh32().hash(data) == s32.digest();
        var s3 = Hashing.xxh3_64().newStream();
        s3.update(data);
        ok &= Hashing.xxh3_64().hash(data) == s3.digest();
        var s128 = Hashing.xxh3_128().newStream();
        s128.update(data);
        ok &= Hashing.xxh3_128().hash(data).equals(s128.digest());
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(data);
        ok &= Hashing.crc32().hash(data) == (int) crc.getValue();
        java.util.zip.CRC32C crcc = new java.util.zip.CRC32C();
        crcc.update(data);
        ok &= Hashing.crc32c().hash(data) == (int) crcc.getValue();
        for (Codec codec : Codec.values()) {
            Compressor c = Compression.compressor(codec);
            byte[] packed = c.compress(data);
            byte[] back = Compression.decompressor(codec).decompress(packed, data.length);
            ok &= Arrays.equals(data, back) && packed.length < data.length;
        }
        byte[] nonce = new byte[24];
        for (AeadAlgorithm algorithm : AeadAlgorithm.values()) {
            Aead aead = Crypto.aead(algorithm, new byte[algorithm.keyBytes()]);
            byte[] n = Arrays.copyOf(nonce, algorithm.nonceBytes());
            try {
                ok &= Arrays.equals(data, aead.decrypt(n, aead.encrypt(n, data, null), null));
            } catch (javax.crypto.AEADBadTagException e) {
                ok = false;
            }
        }
        for (DigestAlgorithm algorithm : DigestAlgorithm.values()) {
            Digest digest = Crypto.digest(algorithm);
            DigestStream stream = digest.newStream();
            stream.update(data);
            ok &= Arrays.equals(digest.digest(data), stream.digest());
        }
        for (MacAlgorithm algorithm : MacAlgorithm.values()) {
            Mac mac = Crypto.mac(algorithm, new byte[] {1, 2, 3});
            ok &= mac.verify(data, mac.mac(data));
        }
        for (KdfAlgorithm algorithm : KdfAlgorithm.values()) {
            ok &= Crypto.kdf(algorithm).derive(data, null, null, 40).length == 40;
        }
        for (Decision d : Arsenal.runtime().report().selection()) {
            String provider = d.provider().orElse("NONE");
            String kind = d.candidates().stream()
                    .filter(c -> c.providerId().equals(provider))
                    .map(c -> c.kind().id())
                    .findFirst()
                    .orElse("none");
            System.out.println(d.algorithm() + " " + provider + " " + kind);
        }
        System.out.println(ok ? "ok" : "WRONG");
    }
}
