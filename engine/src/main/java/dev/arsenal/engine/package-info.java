/**
 * The selection engine: it discovers, probes, self-tests and ranks providers, records every
 * decision, and hands out primitives. A primitive whose calls are split between two providers by
 * input size is a {@link dev.arsenal.engine.Tiered} object, and one that a container re-points when
 * providers come and go is a {@link dev.arsenal.engine.Live} object; both kinds are generated at
 * build time for the interfaces listed here, the one place a new family adds its interfaces to;
 * the stateful objects they return (streams) are {@code leased}: bound to the provider that made
 * them, and failing with a clear error once it has gone.
 */
@GenerateDispatch(
        value = {
            Hasher32.class,
            Hasher64.class,
            Hasher128.class,
            Compressor.class,
            Decompressor.class,
            Aead.class,
            Digest.class,
            Mac.class,
            Kdf.class,
            Signer.class,
            Verifier.class,
            Agreement.class,
        },
        leased = {
            HashStream32.class,
            HashStream64.class,
            HashStream128.class,
            OutputStream.class,
            InputStream.class,
            DigestStream.class,
        })
package dev.arsenal.engine;

import dev.arsenal.compression.Compressor;
import dev.arsenal.compression.Decompressor;
import dev.arsenal.crypto.Aead;
import dev.arsenal.crypto.Agreement;
import dev.arsenal.crypto.Digest;
import dev.arsenal.crypto.DigestStream;
import dev.arsenal.crypto.Kdf;
import dev.arsenal.crypto.Mac;
import dev.arsenal.crypto.Signer;
import dev.arsenal.crypto.Verifier;
import dev.arsenal.hashing.HashStream128;
import dev.arsenal.hashing.HashStream32;
import dev.arsenal.hashing.HashStream64;
import dev.arsenal.hashing.Hasher128;
import dev.arsenal.hashing.Hasher32;
import dev.arsenal.hashing.Hasher64;
import java.io.InputStream;
import java.io.OutputStream;
