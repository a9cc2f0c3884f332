/**
 * Native crypto providers, through FFM to the system's libraries:
 *
 * <ul>
 *   <li>{@link dev.arsenal.providers.natives.crypto.SodiumCryptoProvider} ({@code libsodium}):
 *       libsodium 1.0.x's IETF AEADs, ChaCha20-Poly1305, XChaCha20-Poly1305 and AES-256-GCM (on
 *       CPUs with AES-NI), one stateless call per message.
 *   <li>{@link dev.arsenal.providers.natives.crypto.OpenSslCryptoProvider} ({@code openssl}):
 *       OpenSSL libcrypto 3's AES-128/256-GCM and ChaCha20-Poly1305 through EVP, with pooled
 *       contexts; XChaCha20-Poly1305 through {@link dev.arsenal.spi.crypto.HChaCha20}.
 * </ul>
 *
 * <p>Both open a message into an array of their own and copy it to the caller's only once the tag
 * matched: libsodium zeroes its output on a mismatch and OpenSSL writes it before checking.
 */
package dev.arsenal.providers.natives.crypto;
