package dev.arsenal.providers.simd.crypto;

/** The AEAD contract with the 256-bit keystream kernel (8 blocks at once). */
class SimdAead256Test extends SimdAeadContract {
    @Override
    int bits() {
        return 256;
    }
}
