package dev.arsenal.providers.simd.crypto;

/** The AEAD contract with the 512-bit keystream kernel (16 blocks at once). */
class SimdAead512Test extends SimdAeadContract {
    @Override
    int bits() {
        return 512;
    }
}
