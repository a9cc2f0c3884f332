package dev.arsenal.example;

import dev.arsenal.Arsenal;
import dev.arsenal.compression.Codec;
import dev.arsenal.compression.Compression;
import dev.arsenal.compression.Compressor;
import dev.arsenal.compression.Decompressor;
import dev.arsenal.hashing.Hasher64;
import dev.arsenal.hashing.Hashing;
import dev.arsenal.report.Decision;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Hashes and compresses a file (or a built-in text) with Arsenal, as an application would, and says
 * which provider served each call: {@code java -jar arsenal-example.jar [FILE]}.
 */
public final class QuickStart {
    // Selected once, on first use, for this machine: keep them in static finals.
    private static final Hasher64 XXH3 = Hashing.xxh3_64();
    private static final Compressor ZSTD = Compression.compressor(Codec.ZSTD, 3);
    private static final Decompressor UNZSTD = Compression.decompressor(Codec.ZSTD);

    private QuickStart() {}

    /** Runs the example on {@code args[0]}, or on a built-in text. */
    public static void main(String[] args) throws IOException {
        byte[] data = args.length > 0
                ? Files.readAllBytes(Path.of(args[0]))
                : "Arsenal picks the fastest correct implementation on this machine. "
                        .repeat(1000)
                        .getBytes(StandardCharsets.UTF_8);

        long hash = XXH3.hash(data);
        byte[] packed = ZSTD.compress(data);
        byte[] back = UNZSTD.decompress(packed, data.length); // at most data.length bytes back
        if (!Arrays.equals(data, back)) {
            throw new IllegalStateException("the round trip changed the data");
        }

        System.out.println("xxh3 " + HexFormat.of().toHexDigits(hash));
        System.out.println("zstd " + data.length + " -> " + packed.length + " bytes, round trip ok");
        for (String algorithm : new String[] {"xxh3", "zstd"}) {
            Decision d = Arsenal.runtime().report().decision(algorithm).orElseThrow();
            System.out.println(algorithm + " served by " + d.provider().orElse("none") + " (" + d.reason() + ")");
        }
    }
}
