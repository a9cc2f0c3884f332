package dev.arsenal.itests;

import dev.arsenal.Arsenal;
import dev.arsenal.ArsenalException;
import dev.arsenal.ArsenalRuntime;
import dev.arsenal.Configuration;
import dev.arsenal.Family;
import dev.arsenal.compression.Codec;
import dev.arsenal.report.ProviderReport;
import java.util.ArrayList;
import java.util.List;

/**
 * Says what the launcher's jars serve, as a child JVM sees them (the test JVM's class path may
 * differ): a line per stream codec and provider ("-" for the default selection), with the levels
 * the compressor accepts ({@code zstd\tnative-zstd\t-7,-6,...}) or {@code !} and why not. Run by
 * {@link CompressionInteropIT} through {@link Launcher#classPathCommand}.
 */
final class CompressionProbe {
    private CompressionProbe() {}

    public static void main(String[] args) {
        List<ProviderReport> providers =
                Arsenal.create(Configuration.defaults()).report().providers();
        for (Codec codec : Codec.values()) {
            if (!codec.hasStreams() || codec.isShuffle()) {
                continue; // no stream form, or no tool (the shuffle codecs have tests of their own)
            }
            List<String> ids = new ArrayList<>(List.of("-"));
            providers.stream()
                    .filter(p ->
                            p.family() == Family.COMPRESSION && p.algorithms().contains(codec.id()))
                    .forEach(p -> ids.add(p.id()));
            for (String id : ids) {
                System.out.println(codec.id() + "\t" + id + "\t" + levels(codec, id));
            }
        }
    }

    private static String levels(Codec codec, String provider) {
        try {
            Configuration c = Configuration.defaults();
            ArsenalRuntime runtime = Arsenal.create(provider.equals("-") ? c : c.withForcedProvider(codec, provider));
            runtime.decompressor(codec);
            List<String> levels = new ArrayList<>();
            for (int level = codec.minLevel(); level <= codec.maxLevel(); level++) {
                try {
                    runtime.compressor(codec, level);
                    levels.add(Integer.toString(level));
                } catch (ArsenalException e) {
                    // not this level
                }
            }
            return levels.isEmpty() ? "!no level served" : String.join(",", levels);
        } catch (ArsenalException e) {
            return "!" + e.getMessage().replace('\n', ' ');
        }
    }
}
