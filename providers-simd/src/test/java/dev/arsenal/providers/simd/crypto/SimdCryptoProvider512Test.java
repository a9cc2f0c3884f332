package dev.arsenal.providers.simd.crypto;

/** The digest contract with the 512-bit batch (16 chunks at once). */
class SimdCryptoProvider512Test extends SimdCryptoProviderContract {
    @Override
    int bits() {
        return 512;
    }
}
