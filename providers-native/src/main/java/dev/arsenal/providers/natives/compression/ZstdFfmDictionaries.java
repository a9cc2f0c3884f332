package dev.arsenal.providers.natives.compression;

import dev.arsenal.compression.CompressionOptions;
import dev.arsenal.providers.natives.ffm.NativeBinding;
import dev.arsenal.providers.natives.ffm.NativeLibrary;
import dev.arsenal.providers.natives.ffm.Symbol;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.ref.Cleaner;
import java.util.List;
import java.util.Objects;

/**
 * libzstd's options and dictionaries through FFM, for {@link ZstdFfmCodec}: the frame flags of
 * {@link CompressionOptions}, digested dictionaries ({@code ZSTD_createCDict}, {@code
 * ZSTD_createDDict}) and training ({@code ZDICT_trainFromBuffer}).
 *
 * <p>The functions are two optional groups of {@link ZstdFfmBindings.Handles}: a libzstd that
 * lacks them (built without the dictionary builder, say) loses dictionaries or training, never the
 * provider, and the group's {@link NativeBinding} says which symbol was missing.
 *
 * <p>Ownership: a {@link CompressionSetup} or {@link DecompressionSetup} is made once per
 * compressor or decompressor and digests its dictionary then; every context of that compressor
 * references the digest ({@code ZSTD_CCtx_refCDict}, {@code ZSTD_DCtx_refDDict}), which is
 * read-only and so shared by the calls of all threads. The setup is the digest's only owner: a
 * {@link Cleaner} frees the digest when the setup becomes unreachable, and every one-shot call
 * (through a reachability fence) and stream holds the setup, so no context outlives its digest.
 * Freeing a context never frees the digest it references.
 */
@SuppressWarnings("restricted") // reinterpret: the error names are C strings
final class ZstdFfmDictionaries {
    private static final Cleaner CLEANER = Cleaner.create();

    /** {@code ZDICT_DICTSIZE_MIN}: ZDICT refuses to write a smaller dictionary. */
    static final int MIN_DICTIONARY_SIZE = 256;

    /** The largest frame header, where {@code ZSTD_getDictID_fromFrame} looks. */
    private static final int MAX_FRAME_HEADER = 18;

    private ZstdFfmDictionaries() {}

    /** The dictionary functions, an optional group of {@link ZstdFfmBindings.Handles}. */
    record Dictionaries(
            @Symbol("ZSTD_CDict* ZSTD_createCDict(const void* dictBuffer, size_t dictSize, int compressionLevel)")
            MethodHandle createCDict,

            @Symbol("size_t ZSTD_freeCDict(ZSTD_CDict* CDict)")
            MethodHandle freeCDict,

            @Symbol("size_t ZSTD_CCtx_refCDict(ZSTD_CCtx* cctx, const ZSTD_CDict* cdict)")
            MethodHandle refCDict,

            @Symbol("ZSTD_DDict* ZSTD_createDDict(const void* dictBuffer, size_t dictSize)")
            MethodHandle createDDict,

            @Symbol("size_t ZSTD_freeDDict(ZSTD_DDict* ddict)")
            MethodHandle freeDDict,

            @Symbol("size_t ZSTD_DCtx_refDDict(ZSTD_DCtx* dctx, const ZSTD_DDict* ddict)")
            MethodHandle refDDict,
            // These two read at most a frame header or a dictionary's: critical, so that heap arrays pass in place.
            @Symbol(value = "unsigned ZSTD_getDictID_fromFrame(const void* src, size_t srcSize)", critical = true)
            MethodHandle dictIdFromFrame,

            @Symbol(value = "unsigned ZSTD_getDictID_fromDict(const void* dict, size_t dictSize)", critical = true)
            MethodHandle dictIdFromDict) {}

    /** The dictionary builder, an optional group of {@link ZstdFfmBindings.Handles}. */
    record Training(
            @Symbol("size_t ZDICT_trainFromBuffer(void* dictBuffer, size_t dictBufferCapacity,"
                    + " const void* samplesBuffer, const size_t* samplesSizes, unsigned nbSamples)")
            MethodHandle train,

            @Symbol("unsigned ZDICT_isError(size_t errorCode)")
            MethodHandle isError,

            @Symbol("const char* ZDICT_getErrorName(size_t errorCode)")
            MethodHandle errorName) {}

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
        static CompressionSetup of(NativeBinding<Dictionaries> dictionaries, int level, CompressionOptions options) {
            if (!options.hasDictionary()) {
                return new CompressionSetup(options.checksum(), options.contentSize(), MemorySegment.NULL);
            }
            Dictionaries d = require(dictionaries);
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
                check(h, (long) h.dictionaries().handles().refCDict().invokeExact(cctx, cdict), "the dictionary");
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
        static DecompressionSetup of(NativeBinding<Dictionaries> dictionaries, CompressionOptions options) {
            if (!options.hasDictionary()) {
                return NONE;
            }
            Dictionaries d = require(dictionaries);
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
                check(h, (long) h.dictionaries().handles().refDDict().invokeExact(dctx, ddict), "the dictionary");
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
            Dictionaries d = h.dictionaries().handles();
            if (frame != null && d != null) {
                try {
                    wanted = Integer.toUnsignedLong(
                            (int) d.dictIdFromFrame().invokeExact(frame, Math.min(frame.byteSize(), MAX_FRAME_HEADER)));
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
    static byte[] train(NativeBinding<Training> training, List<byte[]> samples, int maxSize) {
        Training d = training.handles();
        if (d == null) {
            throw new UnsupportedOperationException("this libzstd cannot train dictionaries: "
                    + training.availability().cause());
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
            if ((int) d.isError().invokeExact(n) != 0) {
                MemorySegment name = (MemorySegment) d.errorName().invokeExact(n);
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

    private static Dictionaries require(NativeBinding<Dictionaries> dictionaries) {
        Dictionaries d = dictionaries.handles();
        if (d == null) {
            throw new UnsupportedOperationException("this libzstd has no dictionaries: "
                    + dictionaries.availability().cause());
        }
        return d;
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
