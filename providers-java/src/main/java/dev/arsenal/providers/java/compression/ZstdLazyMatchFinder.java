package dev.arsenal.providers.java.compression;

/**
 * zstd's greedy, lazy and lazy2 match finders (levels 5 to 9) over hash chains: a hash table of
 * {@code minMatch}-byte sequences ({@code hashLog} bits) holds the last position of each hash, and
 * a chain table ({@code chainLog} bits, indexed by position) the position before it with the same
 * hash. A search follows the chain up to {@code 2^searchLog} links, keeping the longest match.
 *
 * <p>Greedy takes the first match found (a repeat offset one byte ahead, else the search's best).
 * Lazy looks one byte further, lazy2 two: a match found there replaces the one in hand if it is
 * worth more, counting 4 units a byte (3 for a repeat offset found lazily) less the bits of its
 * offset, with a bonus to the match in hand (zstd's weights, which favour short offsets: they cost
 * fewer bits and make repeat offsets). Then, as the fast finders, the match is extended backwards
 * and the second repeat offset tried at its end.
 *
 * <p>Positions enter the tables lazily, all of them up to where the search stands ({@link
 * #nextToUpdate}), so a chain holds every position of the window with that hash, including those
 * inside matches.
 */
final class ZstdLazyMatchFinder extends ZstdMatchFinder {
    private int[] hashTable = new int[0];
    private int[] chainTable = new int[0];

    /** The index of the next position to insert. */
    private int nextToUpdate;

    /** The offset of the match {@link #search} found. */
    private int foundOffset;

    // The search's parameters, for one block.
    private int hashBits;
    private int chainMask;
    private int mls;
    private int attempts;

    @Override
    void find(
            ZstdEncoderParameters parameters,
            byte[] src,
            int base,
            int start,
            int end,
            int lowest,
            ZstdSequenceStore store) {
        hashBits = parameters.hashLog();
        chainMask = (1 << parameters.chainLog()) - 1;
        mls = parameters.minMatch();
        attempts = 1 << parameters.searchLog();
        hashTable = sized(hashTable, hashBits);
        chainTable = sized(chainTable, parameters.chainLog());
        int depth = parameters.strategy().depth();
        if (nextToUpdate < lowest) {
            nextToUpdate = lowest;
        }
        int lowPosition = lowest + base;
        int ip = start == lowPosition ? start + 1 : start;
        int anchor = start;
        int limit = end - 8;
        int maxRep = ip - lowPosition;
        int rep1 = store.rep[0] <= maxRep ? store.rep[0] : 0;
        int rep2 = store.rep[1] <= maxRep ? store.rep[1] : 0;
        while (ip < limit) {
            int length = 0;
            int offset = 0;
            boolean repeat = false;
            int matchStart = ip + 1;
            if (rep1 > 0 && read4(src, ip + 1 - rep1) == read4(src, ip + 1)) {
                length = 4 + matchLength(src, ip + 5, ip + 5 - rep1, end);
                offset = rep1;
                repeat = true;
            }
            if (!(repeat && depth == 0)) {
                int found = search(src, base, ip, lowest, end);
                if (found > length) {
                    length = found;
                    offset = foundOffset;
                    repeat = false;
                    matchStart = ip;
                }
                if (length < 4) {
                    ip += ((ip - anchor) >> SKIP_LOG) + 1;
                    continue;
                }
                // Look ahead: a better match one (lazy2: or two) bytes on replaces this one.
                for (int ahead = 1; ahead <= depth && ip < limit; ) {
                    ip++;
                    int bonus = ahead == 1 ? 4 : 7;
                    int inHand = 4 * length - offsetBits(repeat, offset);
                    if (rep1 > 0 && read4(src, ip) == read4(src, ip - rep1)) {
                        int repLength = 4 + matchLength(src, ip + 4, ip + 4 - rep1, end);
                        int weight = ahead == 1 ? 3 : 4;
                        if (repLength * weight > weight * length - offsetBits(repeat, offset) + 1) {
                            length = repLength;
                            offset = rep1;
                            repeat = true;
                            matchStart = ip;
                            inHand = 4 * length;
                        }
                    }
                    int found2 = search(src, base, ip, lowest, end);
                    if (found2 >= 4 && 4 * found2 - offsetBits(false, foundOffset) > inHand + bonus) {
                        length = found2;
                        offset = foundOffset;
                        repeat = false;
                        matchStart = ip;
                        ahead = 1; // found further on: look ahead of it again
                        continue;
                    }
                    ahead++;
                }
            }
            if (!repeat) {
                int match = matchStart - offset;
                while (matchStart > anchor && match > lowPosition && src[matchStart - 1] == src[match - 1]) {
                    matchStart--;
                    match--;
                    length++;
                }
                rep2 = rep1;
                rep1 = offset;
            }
            store.add(src, anchor, matchStart - anchor, offset, length);
            ip = matchStart + length;
            anchor = ip;
            while (ip <= limit && rep2 > 0 && read4(src, ip) == read4(src, ip - rep2)) {
                int repLength = 4 + matchLength(src, ip + 4, ip + 4 - rep2, end);
                int swap = rep2;
                rep2 = rep1;
                rep1 = swap;
                store.add(src, ip, 0, rep1, repLength);
                ip += repLength;
                anchor = ip;
            }
        }
        store.addLast(src, anchor, end - anchor);
    }

    /** The bits an offset costs in the block, about: none for the last offset (code 1). */
    private static int offsetBits(boolean repeat, int offset) {
        return repeat ? 0 : 31 - Integer.numberOfLeadingZeros(offset + 3);
    }

    /**
     * Inserts the positions up to {@code ip} and follows {@code ip}'s chain: the longest match of 4
     * bytes or more, its offset in {@link #foundOffset}, or 3 if none.
     */
    private int search(byte[] src, int base, int ip, int lowest, int end) {
        int[] hashes = hashTable;
        int[] chain = chainTable;
        int mask = chainMask;
        int bits = hashBits;
        int bytes = mls;
        int target = ip - base;
        for (int i = nextToUpdate; i < target; i++) {
            int h = hash(read8(src, i + base), bytes, bits);
            chain[i & mask] = hashes[h];
            hashes[h] = i;
        }
        nextToUpdate = target;
        int candidate = hashes[hash(read8(src, ip), bytes, bits)];
        int oldest = target - mask - 1; // links from here down may be overwritten
        int best = 3;
        for (int left = attempts; candidate >= lowest && left > 0; left--) {
            int match = candidate + base;
            if (src[match + best] == src[ip + best]) {
                int length = matchLength(src, ip, match, end);
                if (length > best) {
                    best = length;
                    foundOffset = ip - match;
                    if (ip + length == end) {
                        break;
                    }
                }
            }
            if (candidate <= oldest) {
                break;
            }
            candidate = chain[candidate & mask];
        }
        return best;
    }

    @Override
    void reduce(int by) {
        reduce(hashTable, by);
        reduce(chainTable, by);
        nextToUpdate = Math.max(0, nextToUpdate - by);
    }
}
