package dev.arsenal.spi.crypto;

import dev.arsenal.Algorithm;
import dev.arsenal.Family;
import dev.arsenal.crypto.AeadAlgorithm;
import dev.arsenal.crypto.DigestAlgorithm;
import dev.arsenal.crypto.KdfAlgorithm;
import dev.arsenal.crypto.KeyAgreementAlgorithm;
import dev.arsenal.crypto.MacAlgorithm;
import dev.arsenal.crypto.SecretMemoryAlgorithm;
import dev.arsenal.crypto.SignatureAlgorithm;
import dev.arsenal.report.SelfTest;
import dev.arsenal.spi.Provider;

/**
 * A provider of the crypto family: one library's implementations (the JDK's, Bouncy Castle's,
 * libsodium's), of any of the family's kinds of primitive. A provider implements the interface of
 * each kind it lists algorithms of ({@link AeadProvider}, {@link DigestProvider}, {@link
 * MacProvider}, {@link KdfProvider}, {@link SignatureProvider}, {@link
 * KeyAgreementProvider}, {@link SecretMemoryProvider}), so that one id names one library for every algorithm ({@code
 * arsenal.force.sha-256=libsodium}).
 *
 * <p>The default {@link #selfTest} checks the shared known answers of the algorithm's kind.
 */
public interface CryptoProvider extends Provider {
    @Override
    default Family family() {
        return Family.CRYPTO;
    }

    @Override
    default SelfTest selfTest(Algorithm algorithm) {
        if (algorithm instanceof AeadAlgorithm a && this instanceof AeadProvider p) {
            return AeadKnownAnswers.check(p, a);
        }
        if (algorithm instanceof DigestAlgorithm d && this instanceof DigestProvider p) {
            return DigestKnownAnswers.check(p, d);
        }
        if (algorithm instanceof MacAlgorithm m && this instanceof MacProvider p) {
            return MacKnownAnswers.check(p, m);
        }
        if (algorithm instanceof KdfAlgorithm k && this instanceof KdfProvider p) {
            return KdfKnownAnswers.check(p, k);
        }
        if (algorithm instanceof SignatureAlgorithm s && this instanceof SignatureProvider p) {
            return CurveKnownAnswers.check(p, s);
        }
        if (algorithm instanceof KeyAgreementAlgorithm k && this instanceof KeyAgreementProvider p) {
            return CurveKnownAnswers.check(p, k);
        }
        if (algorithm instanceof SecretMemoryAlgorithm && this instanceof SecretMemoryProvider p) {
            return SecretMemoryChecks.check(p);
        }
        return new SelfTest(SelfTest.Status.FAILED, id() + " has no " + algorithm.id());
    }
}
