package dev.arsenal.providers.simd.crypto;

/** The digest contract with the 256-bit batch (8 chunks at once). */
class SimdCryptoProvider256Test extends SimdCryptoProviderContract {
    @Override
    int bits() {
        return 256;
    }
}
