/**
 * Cryptography: authenticated encryption with associated data ({@link
 * dev.arsenal.crypto.AeadAlgorithm}: ChaCha20-Poly1305, XChaCha20-Poly1305, AES-128-GCM,
 * AES-256-GCM) through {@link dev.arsenal.crypto.Aead}; digests ({@link
 * dev.arsenal.crypto.DigestAlgorithm}: SHA-256, SHA-512, BLAKE2b, BLAKE3) through {@link
 * dev.arsenal.crypto.Digest}; HMAC ({@link dev.arsenal.crypto.Mac}) and HKDF ({@link
 * dev.arsenal.crypto.Kdf}); Ed25519 signatures ({@link dev.arsenal.crypto.Signer}, {@link
 * dev.arsenal.crypto.Verifier}) and X25519 key agreement ({@link dev.arsenal.crypto.Agreement})
 * with keys that are the JDK's key types too ({@link dev.arsenal.crypto.CurveKey}); and {@link dev.arsenal.crypto.Crypto}, the entry point. Each algorithm's provider is selected per machine, as in the other families, and
 * every provider passes Wycheproof's vectors before it is used.
 */
@Export
@Version("1.0.0")
package dev.arsenal.crypto;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
