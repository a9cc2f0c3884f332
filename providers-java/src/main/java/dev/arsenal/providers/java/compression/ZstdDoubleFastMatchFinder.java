package dev.arsenal.providers.java.compression;

/**
 * zstd's "double fast" match finder (levels 3 and 4; level 2 for inputs of 128 to 256 KiB): two
 * hash tables, one of 8-byte sequences ({@code hashLog} bits), one of short ones ({@code minMatch}
 * bytes, {@code chainLog} bits), both holding the last position seen. At each position it tries,
 * in order:
 *
 * <ol>
 *   <li>the last offset, one byte ahead (a match there costs 1 to 2 bits of offset);
 *   <li>a long match (8 bytes or more) from the long table;
 *   <li>a short match from the short table, unless the long table has an 8-byte match one byte
 *       ahead, which is taken instead.
 * </ol>
 *
 * A match found is extended backwards over the literals before it. After a match, two of the
 * positions it covered go into the tables, and the second repeat offset is tried right at its
 * end, as often as it matches: such sequences have no literals. Without a match, the step grows by
 * one byte per 256 literals since the last match, so incompressible data is crossed quickly.
 */
final class ZstdDoubleFastMatchFinder extends ZstdMatchFinder {
    private int[] longTable = new int[0];
    private int[] shortTable = new int[0];

    @Override
    void find(
            ZstdEncoderParameters parameters,
            byte[] src,
            int base,
            int start,
            int end,
            int lowest,
            ZstdSequenceStore store) {
        int longBits = parameters.hashLog();
        int shortBits = parameters.chainLog();
        int mls = parameters.minMatch();
        int[] longs = longTable = sized(longTable, longBits);
        int[] shorts = shortTable = sized(shortTable, shortBits);
        int lowPosition = lowest + base;
        // At a frame's start nothing lies behind: the first repeat check is one byte on.
        int ip = start == lowPosition ? start + 1 : start;
        int anchor = start;
        int limit = end - 8;
        int maxRep = ip - lowPosition;
        int rep1 = store.rep[0] <= maxRep ? store.rep[0] : 0;
        int rep2 = store.rep[1] <= maxRep ? store.rep[1] : 0;
        while (ip < limit) {
            long v = read8(src, ip);
            int longHash = hash(v, 8, longBits);
            int shortHash = hash(v, mls, shortBits);
            int current = ip - base;
            int longCandidate = longs[longHash];
            int shortCandidate = shorts[shortHash];
            longs[longHash] = current;
            shorts[shortHash] = current;
            int matchStart;
            int length;
            if (rep1 > 0 && read4(src, ip + 1 - rep1) == read4(src, ip + 1)) {
                matchStart = ip + 1;
                length = 4 + matchLength(src, ip + 5, ip + 5 - rep1, end);
                store.add(src, anchor, matchStart - anchor, rep1, length);
            } else {
                int match;
                if (longCandidate >= lowest && read8(src, longCandidate + base) == v) {
                    match = longCandidate + base;
                    matchStart = ip;
                    length = 8 + matchLength(src, ip + 8, match + 8, end);
                } else if (shortCandidate >= lowest && read4(src, shortCandidate + base) == (int) v) {
                    long next = read8(src, ip + 1);
                    int nextHash = hash(next, 8, longBits);
                    int nextCandidate = longs[nextHash];
                    longs[nextHash] = current + 1;
                    if (nextCandidate >= lowest && read8(src, nextCandidate + base) == next) {
                        match = nextCandidate + base;
                        matchStart = ip + 1;
                        length = 8 + matchLength(src, ip + 9, match + 8, end);
                    } else {
                        match = shortCandidate + base;
                        matchStart = ip;
                        length = 4 + matchLength(src, ip + 4, match + 4, end);
                    }
                } else {
                    ip += ((ip - anchor) >> SKIP_LOG) + 1;
                    continue;
                }
                int offset = matchStart - match;
                while (matchStart > anchor && match > lowPosition && src[matchStart - 1] == src[match - 1]) {
                    matchStart--;
                    match--;
                    length++;
                }
                rep2 = rep1;
                rep1 = offset;
                store.add(src, anchor, matchStart - anchor, offset, length);
            }
            ip = matchStart + length;
            anchor = ip;
            if (ip <= limit) {
                // Two positions the match stepped over: its third byte and its end.
                int third = current + 2;
                long t = read8(src, third + base);
                longs[hash(t, 8, longBits)] = third;
                shorts[hash(t, mls, shortBits)] = third;
                longs[hash(read8(src, ip - 2), 8, longBits)] = ip - 2 - base;
                shorts[hash(read8(src, ip - 1), mls, shortBits)] = ip - 1 - base;
                while (ip <= limit && rep2 > 0 && read4(src, ip) == read4(src, ip - rep2)) {
                    int repLength = 4 + matchLength(src, ip + 4, ip + 4 - rep2, end);
                    int swap = rep2;
                    rep2 = rep1;
                    rep1 = swap;
                    long w = read8(src, ip);
                    shorts[hash(w, mls, shortBits)] = ip - base;
                    longs[hash(w, 8, longBits)] = ip - base;
                    store.add(src, ip, 0, rep1, repLength);
                    ip += repLength;
                    anchor = ip;
                }
            }
        }
        store.addLast(src, anchor, end - anchor);
    }

    @Override
    void reduce(int by) {
        reduce(longTable, by);
        reduce(shortTable, by);
    }
}
