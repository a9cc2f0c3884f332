/**
 * The JDK's cryptography as a provider, {@link dev.arsenal.providers.java.crypto.JdkCryptoProvider}:
 * ChaCha20-Poly1305 and AES-GCM from the JDK's SunJCE (whose AES-GCM HotSpot compiles to AES-NI and
 * carry-less multiply), and XChaCha20-Poly1305 as HChaCha20 in front of SunJCE's ChaCha20-Poly1305.
 * The implementations are package-private; applications reach them through {@link
 * dev.arsenal.crypto.Crypto}.
 */
package dev.arsenal.providers.java.crypto;
