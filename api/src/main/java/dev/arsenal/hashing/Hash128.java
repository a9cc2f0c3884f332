package dev.arsenal.hashing;

/**
 * A 128-bit hash value.
 *
 * @param high the high 64 bits ({@code XXH128_hash_t.high64})
 * @param low the low 64 bits ({@code XXH128_hash_t.low64})
 */
public record Hash128(long high, long low) {
    /** The canonical form: 32 lower-case hex digits, high half first, as {@code xxhsum -H2} prints. */
    public String toHexString() {
        return String.format("%016x%016x", high, low);
    }

    /** The canonical big-endian bytes, high half first ({@code XXH128_canonicalFromHash}). */
    public byte[] toByteArray() {
        byte[] bytes = new byte[16];
        for (int i = 0; i < 8; i++) {
            bytes[i] = (byte) (high >>> (56 - 8 * i));
            bytes[8 + i] = (byte) (low >>> (56 - 8 * i));
        }
        return bytes;
    }

    @Override
    public String toString() {
        return toHexString();
    }
}
