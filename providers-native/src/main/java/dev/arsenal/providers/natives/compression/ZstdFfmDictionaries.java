package dev.arsenal.providers.natives.compression;

import dev.arsenal.compression.CompressionOptions;
import dev.arsenal.providers.natives.ffm.NativeLibrary;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.ref.Cleaner;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * libzstd's options and dictionaries through FFM, for {@link ZstdFfmCodec}: the frame flags of
 * {@link CompressionOptions}, digested dictionaries ({@code ZSTD_createCDict}, {@code
 * ZSTD_createDDict}) and training ({@code ZDICT_trainFromBuffer}).
 *
 * <p>The functions are bound apart from {@link ZstdFfmBindings}' core: a libzstd that lacks them
 * (built without the dictionary builder, say) loses dictionaries or training, never the provider.
 * {@link Handles#missingDictionaries()} and {@link Handles#missingTraining()} say which symbol was
 * missing.
 *
 * <p>Ownership: a {@link CompressionSetup} or {@link DecompressionSetup} is made once per
 * compressor or decompressor and digests its dictionary then; every context of that compressor
 * references the digest ({@code ZSTD_CCtx_refCDict}, {@code ZSTD_DCtx_refDDict}), which is
 * read-only and so shared by the calls of all threads. The setup is the digest's only owner: a
 * {@link Cleaner} frees the digest when the setup becomes unreachable, and every one-shot call
 * (through a reachability fence) and stream holds the setup, so no context outlives its digest.
 * Freeing a context never frees the digest it references.
 */
@SuppressWarnings("restricted") // binding functions is this class's job
final class ZstdFfmDictionaries {
    private static final Cleaner CLEANER = Cleaner.create();

    /** {@code ZDICT_DICTSIZE_MIN}: ZDICT refuses to write a smaller dictionary. */
    static final int MIN_DICTIONARY_SIZE = 256;

    /** The largest frame header, where {@code ZSTD_getDictID_fromFrame} looks. */
    private static final int MAX_FRAME_HEADER = 18;

    private ZstdFfmDictionaries() {}

    /**
     * The dictionary functions; null where the library lacks them, with the first missing symbol
     * in {@code missingDictionaries} or {@code missingTraining}.
     */
    record Handles(
            MethodHandle createCDict,
            MethodHandle freeCDict,
            MethodHandle refCDict,
            MethodHandle createDDict,
            MethodHandle freeDDict,
            MethodHandle refDDict,
            MethodHandle dictIdFromFrame,
            MethodHandle dictIdFromDict,
            MethodHandle train,
            MethodHandle trainIsError,
            MethodHandle trainErrorName,
            Optional<String> missingDictionaries,
            Optional<String> missingTraining) {
        /** Whether this libzstd compresses and decodes with dictionaries. */
        boolean dictionaries() {
            return missingDictionaries.isEmpty();
        }

        /** Whether this libzstd trains dictionaries. */
        boolean training() {
            return missingTraining.isEmpty();
        }
    }

    /** Binds what {@code lookup} has of the dictionary functions. Never fails for a missing symbol. */
    static Handles bind(SymbolLookup lookup) {
        Linker linker = Linker.nativeLinker();
        ValueLayout.OfLong sizeT = ValueLayout.JAVA_LONG; // size_t on LP64
        ValueLayout.OfInt cint = ValueLayout.JAVA_INT;
        ValueLayout ptr = ValueLayout.ADDRESS;
        List<String> missing = new ArrayList<>();
        Optional<MemorySegment[]> d = NativeLibrary.symbols(
                lookup,
                missing,
                "ZSTD_createCDict",
                "ZSTD_freeCDict",
                "ZSTD_CCtx_refCDict",
                "ZSTD_createDDict",
                "ZSTD_freeDDict",
                "ZSTD_DCtx_refDDict",
                "ZSTD_getDictID_fromFrame",
                "ZSTD_getDictID_fromDict");
        Optional<String> missingDictionaries = missing.isEmpty() ? Optional.empty() : Optional.of(missing.getFirst());
        List<String> missingTrain = new ArrayList<>();
        Optional<MemorySegment[]> t = NativeLibrary.symbols(
                lookup, missingTrain, "ZDICT_trainFromBuffer", "ZDICT_isError", "ZDICT_getErrorName");
        Optional<String> missingTraining =
                missingTrain.isEmpty() ? Optional.empty() : Optional.of(missingTrain.getFirst());
        MethodHandle[] m = new MethodHandle[11];
        d.ifPresent(s -> {
            m[0] = linker.downcallHandle(s[0], FunctionDescriptor.of(ptr, ptr, sizeT, cint));
            m[1] = linker.downcallHandle(s[1], FunctionDescriptor.of(sizeT, ptr));
            m[2] = linker.downcallHandle(s[2], FunctionDescriptor.of(sizeT, ptr, ptr));
            m[3] = linker.downcallHandle(s[3], FunctionDescriptor.of(ptr, ptr, sizeT));
            m[4] = linker.downcallHandle(s[4], FunctionDescriptor.of(sizeT, ptr));
            m[5] = linker.downcallHandle(s[5], FunctionDescriptor.of(sizeT, ptr, ptr));
            // Read at most a frame header or a dictionary's: critical, so that heap arrays pass in place.
            m[6] = linker.downcallHandle(s[6], FunctionDescriptor.of(cint, ptr, sizeT), Linker.Option.critical(true));
            m[7] = linker.downcallHandle(s[7], FunctionDescriptor.of(cint, ptr, sizeT), Linker.Option.critical(true));
        });
        t.ifPresent(s -> {
            m[8] = linker.downcallHandle(s[0], FunctionDescriptor.of(sizeT, ptr, sizeT, ptr, ptr, cint));
            m[9] = linker.downcallHandle(s[1], FunctionDescriptor.of(cint, sizeT));
            m[10] = linker.downcallHandle(s[2], FunctionDescriptor.of(ptr, sizeT));
        });
        return new Handles(
                m[0],
                m[1],
                m[2],
                m[3],
                m[4],
                m[5],
                m[6],
                m[7],
                m[8],
                m[9],
                m[10],
                missingDictionaries,
                missingTraining);
    }

    /** What a compressor of one level and options writes: the frame flags and the dictionary. */
    static final class CompressionSetup {
        private final boolean checksum;
        private final boolean contentSize;
        /** The digest ({@code ZSTD_CDict*}), or NULL; freed by the cleaner. */
        private final MemorySegment cdict;

        private CompressionSetup(boolean checksum, boolean contentSize, MemorySegment cdict) {
            this.checksum = checksum;
            this.contentSize = contentSize;
            this.cdict = cdict;
        }

        /**
         * The setup for {@code options} at {@code level}: a dictionary is digested here, at that
         * level. The digest sets the search tables' parameters; the window stays the context's, so
         * levels 20 to 22 keep their 8 MiB.
         *
         * @throws UnsupportedOperationException if a dictionary is asked of a libzstd without them
         * @throws IllegalArgumentException if libzstd refuses the dictionary
         */
        static CompressionSetup of(Handles d, int level, CompressionOptions options) {
            if (!options.hasDictionary()) {
                return new CompressionSetup(options.checksum(), options.contentSize(), MemorySegment.NULL);
            }
            requireDictionaries(d);
            byte[] dictionary = options.dictionary().orElseThrow();
            MemorySegment cdict;
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment raw = arena.allocate(dictionary.length); // ZSTD_createCDict copies it
                MemorySegment.copy(dictionary, 0, raw, ValueLayout.JAVA_BYTE, 0, dictionary.length);
                cdict = (MemorySegment) d.createCDict().invokeExact(raw, (long) dictionary.length, level);
            } catch (Throwable t) {
                throw NativeLibrary.rethrow(t);
            }
            if (cdict.equals(MemorySegment.NULL)) {
                throw new IllegalArgumentException("libzstd refused the dictionary of " + dictionary.length
                        + " bytes (ZSTD_createCDict returned NULL: a corrupted zstd dictionary, or no memory)");
            }
            CompressionSetup setup = new CompressionSetup(options.checksum(), options.contentSize(), cdict);
            CLEANER.register(setup, new Free(d.freeCDict(), cdict));
            return setup;
        }

        /**
         * Sets the flags and references the dictionary in {@code cctx}, whose level, checksum and
         * content size were set to the defaults. The caller keeps this setup reachable while {@code
         * cctx} is in use.
         */
        void apply(ZstdFfmBindings.Handles h, MemorySegment cctx) throws Throwable {
            if (!checksum) {
                check(h, (long) h.setParameter().invokeExact(cctx, ZstdFfmBindings.C_CHECKSUM, 0), "checksum off");
            }
            if (!contentSize) {
                check(
                        h,
                        (long) h.setParameter().invokeExact(cctx, ZstdFfmBindings.C_CONTENT_SIZE, 0),
                        "content size off");
            }
            if (!cdict.equals(MemorySegment.NULL)) {
                check(h, (long) h.dictionaries().refCDict().invokeExact(cctx, cdict), "the dictionary");
            }
        }
    }

    /** The dictionary a decompressor decodes with: digested once, referenced by every context. */
    static final class DecompressionSetup {
        /** No dictionary. */
        static final DecompressionSetup NONE = new DecompressionSetup(MemorySegment.NULL, 0);

        private final MemorySegment ddict;
        private final long dictionaryId;

        private DecompressionSetup(MemorySegment ddict, long dictionaryId) {
            this.ddict = ddict;
            this.dictionaryId = dictionaryId;
        }

        /**
         * The setup for {@code options}' dictionary, or {@link #NONE}.
         *
         * @throws UnsupportedOperationException if a dictionary is asked of a libzstd without them
         * @throws IllegalArgumentException if libzstd refuses the dictionary
         */
        static DecompressionSetup of(Handles d, CompressionOptions options) {
            if (!options.hasDictionary()) {
                return NONE;
            }
            requireDictionaries(d);
            byte[] dictionary = options.dictionary().orElseThrow();
            MemorySegment ddict;
            int id;
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment raw = arena.allocate(dictionary.length);
                MemorySegment.copy(dictionary, 0, raw, ValueLayout.JAVA_BYTE, 0, dictionary.length);
                ddict = (MemorySegment) d.createDDict().invokeExact(raw, (long) dictionary.length);
                id = (int) d.dictIdFromDict().invokeExact(raw, (long) dictionary.length);
            } catch (Throwable t) {
                throw NativeLibrary.rethrow(t);
            }
            if (ddict.equals(MemorySegment.NULL)) {
                throw new IllegalArgumentException("libzstd refused the dictionary of " + dictionary.length
                        + " bytes (ZSTD_createDDict returned NULL: a corrupted zstd dictionary, or no memory)");
            }
            DecompressionSetup setup = new DecompressionSetup(ddict, Integer.toUnsignedLong(id));
            CLEANER.register(setup, new Free(d.freeDDict(), ddict));
            return setup;
        }

        /** References the dictionary in {@code dctx}; the caller keeps this setup reachable meanwhile. */
        void apply(ZstdFfmBindings.Handles h, MemorySegment dctx) throws Throwable {
            if (!ddict.equals(MemorySegment.NULL)) {
                check(h, (long) h.dictionaries().refDDict().invokeExact(dctx, ddict), "the dictionary");
            }
        }

        /**
         * The reason for libzstd's {@code errorName} while decoding: for "Dictionary mismatch", which
         * dictionary the frame at the start of {@code frame} names (null: unknown) and which this has.
         */
        String reason(ZstdFfmBindings.Handles h, String errorName, MemorySegment frame) {
            if (!"Dictionary mismatch".equals(errorName)) {
                return ZstdFfmCodec.reason(errorName);
            }
            long wanted = -1;
            if (frame != null && h.dictionaries().dictionaries()) {
                try {
                    wanted = Integer.toUnsignedLong((int) h.dictionaries()
                            .dictIdFromFrame()
                            .invokeExact(frame, Math.min(frame.byteSize(), MAX_FRAME_HEADER)));
                } catch (Throwable t) {
                    throw NativeLibrary.rethrow(t);
                }
            }
            return mismatch(errorName, wanted, !ddict.equals(MemorySegment.NULL), dictionaryId);
        }
    }

    /**
     * The reason for libzstd's "Dictionary mismatch": {@code wanted} is the frame's dictionary ID (0
     * or less: unknown), {@code own} the decoder's (0 for raw content). Shared with zstd-jni's
     * provider.
     */
    static String mismatch(String errorName, long wanted, boolean hasDictionary, long own) {
        String frame = wanted > 0 ? "dictionary ID " + wanted : "a dictionary";
        String mine = !hasDictionary
                ? "the decompressor has none"
                : own == 0
                        ? "the decompressor's dictionary is raw content (no ID)"
                        : "the decompressor's dictionary has ID " + own;
        return "the frame needs " + frame + " and " + mine + " (libzstd: " + errorName + ")";
    }

    /**
     * {@code ZDICT_trainFromBuffer} on {@code samples}, into at most {@code maxSize} bytes.
     *
     * @throws UnsupportedOperationException if this libzstd lacks the dictionary builder
     * @throws IllegalArgumentException with ZDICT's reason, if it cannot train on the samples
     */
    static byte[] train(Handles d, List<byte[]> samples, int maxSize) {
        if (!d.training()) {
            throw new UnsupportedOperationException("this libzstd cannot train dictionaries: it lacks "
                    + d.missingTraining().orElseThrow());
        }
        long total = checkTraining(samples, maxSize);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment all = arena.allocate(Math.max(1, total));
            MemorySegment sizes = arena.allocate(ValueLayout.JAVA_LONG, Math.max(1, samples.size()));
            long at = 0;
            for (int i = 0; i < samples.size(); i++) {
                byte[] s = samples.get(i);
                MemorySegment.copy(s, 0, all, ValueLayout.JAVA_BYTE, at, s.length);
                sizes.setAtIndex(ValueLayout.JAVA_LONG, i, s.length);
                at += s.length;
            }
            MemorySegment dict = arena.allocate(maxSize);
            long n = (long) d.train().invokeExact(dict, (long) maxSize, all, sizes, samples.size());
            if ((int) d.trainIsError().invokeExact(n) != 0) {
                MemorySegment name = (MemorySegment) d.trainErrorName().invokeExact(n);
                throw cannotTrain(samples, name.reinterpret(256).getString(0), null);
            }
            return dict.asSlice(0, n).toArray(ValueLayout.JAVA_BYTE);
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        }
    }

    /**
     * Checks the arguments of training, shared by both zstd providers; returns the samples' total
     * size.
     *
     * @throws IllegalArgumentException if {@code maxSize} is under {@value #MIN_DICTIONARY_SIZE}
     *     bytes or the samples exceed 2 GiB in total
     */
    static long checkTraining(List<byte[]> samples, int maxSize) {
        Objects.requireNonNull(samples, "samples");
        if (maxSize < MIN_DICTIONARY_SIZE) {
            throw new IllegalArgumentException(
                    "a zstd dictionary needs at least " + MIN_DICTIONARY_SIZE + " bytes, not " + maxSize);
        }
        long total = 0;
        for (byte[] s : samples) {
            total += Objects.requireNonNull(s, "a sample").length;
        }
        if (total > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("the samples exceed 2 GiB: " + total + " bytes");
        }
        return total;
    }

    /** The exception for samples ZDICT cannot train on, with its {@code reason}. */
    static IllegalArgumentException cannotTrain(List<byte[]> samples, String reason, Throwable cause) {
        long total = 0;
        for (byte[] s : samples) {
            total += s.length;
        }
        return new IllegalArgumentException(
                "cannot train a zstd dictionary on " + samples.size() + " samples of " + total
                        + " bytes in total (libzstd: " + reason
                        + "); give it more and larger samples, about 100 times the dictionary size",
                cause);
    }

    private static void requireDictionaries(Handles d) {
        if (!d.dictionaries()) {
            throw new UnsupportedOperationException("this libzstd has no dictionaries: it lacks "
                    + d.missingDictionaries().orElseThrow());
        }
    }

    private static void check(ZstdFfmBindings.Handles h, long code, String what) {
        if (ZstdFfmBindings.isError(h, code)) {
            throw new IllegalArgumentException("libzstd refused " + what + ": " + ZstdFfmBindings.errorName(h, code));
        }
    }

    /** Frees a digest once, when its setup is unreachable; holds no reference to the setup. */
    private record Free(MethodHandle free, MemorySegment digest) implements Runnable {
        @Override
        public void run() {
            try {
                long ignored = (long) free.invokeExact(digest);
            } catch (Throwable t) {
                throw NativeLibrary.rethrow(t);
            }
        }
    }
}
