package dev.arsenal.providers.java.compression;

/**
 * zstd's "fast" match finder (levels 1 and 2, and the negative levels): one hash table of {@code
 * minMatch}-byte sequences ({@code hashLog} bits) holding the last position seen. At each position
 * it tries the last offset one byte ahead, then the table's candidate; a match found is extended
 * backwards, two of the positions it covered go into the table, and the second repeat offset is
 * tried at its end as {@link ZstdDoubleFastMatchFinder} does.
 *
 * <p>Without a match it steps one byte, one more per 256 literals since the last match. The
 * negative levels' acceleration {@code a} (1 to 7) makes it try two neighbouring positions, then
 * jump {@code a} bytes, as zstd's fast loop does (which tries pairs {@code a + 1} bytes apart): 2
 * positions of every {@code a + 1}, all of them at level -1. (Trying one position per {@code a + 1}
 * bytes cost 13% of ratio at level -1 on the corpora, 9.5% at -3.)
 */
final class ZstdFastMatchFinder extends ZstdMatchFinder {
    private int[] table = new int[0];

    @Override
    void find(
            ZstdEncoderParameters parameters,
            byte[] src,
            int base,
            int start,
            int end,
            int lowest,
            ZstdSequenceStore store) {
        int bits = parameters.hashLog();
        int mls = parameters.minMatch();
        int acceleration = parameters.acceleration();
        boolean second = false;
        int[] hashes = table = sized(table, bits);
        int lowPosition = lowest + base;
        int ip = start == lowPosition ? start + 1 : start;
        int anchor = start;
        int limit = end - 8;
        int maxRep = ip - lowPosition;
        int rep1 = store.rep[0] <= maxRep ? store.rep[0] : 0;
        int rep2 = store.rep[1] <= maxRep ? store.rep[1] : 0;
        while (ip < limit) {
            long v = read8(src, ip);
            int h = hash(v, mls, bits);
            int current = ip - base;
            int candidate = hashes[h];
            hashes[h] = current;
            int matchStart;
            int length;
            if (rep1 > 0 && read4(src, ip + 1 - rep1) == read4(src, ip + 1)) {
                matchStart = ip + 1;
                length = 4 + matchLength(src, ip + 5, ip + 5 - rep1, end);
                store.add(src, anchor, matchStart - anchor, rep1, length);
            } else if (candidate >= lowest && read4(src, candidate + base) == (int) v) {
                int match = candidate + base;
                matchStart = ip;
                length = 4 + matchLength(src, ip + 4, match + 4, end);
                int offset = ip - match;
                while (matchStart > anchor && match > lowPosition && src[matchStart - 1] == src[match - 1]) {
                    matchStart--;
                    match--;
                    length++;
                }
                rep2 = rep1;
                rep1 = offset;
                store.add(src, anchor, matchStart - anchor, offset, length);
            } else {
                second = !second;
                ip += ((ip - anchor) >> SKIP_LOG) + (second || acceleration == 0 ? 1 : acceleration);
                continue;
            }
            ip = matchStart + length;
            anchor = ip;
            if (ip <= limit) {
                int third = current + 2;
                hashes[hash(read8(src, third + base), mls, bits)] = third;
                hashes[hash(read8(src, ip - 2), mls, bits)] = ip - 2 - base;
                while (ip <= limit && rep2 > 0 && read4(src, ip) == read4(src, ip - rep2)) {
                    int repLength = 4 + matchLength(src, ip + 4, ip + 4 - rep2, end);
                    int swap = rep2;
                    rep2 = rep1;
                    rep1 = swap;
                    hashes[hash(read8(src, ip), mls, bits)] = ip - base;
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
        reduce(table, by);
    }
}
