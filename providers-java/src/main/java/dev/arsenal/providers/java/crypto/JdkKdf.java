package dev.arsenal.providers.java.crypto;

import dev.arsenal.crypto.Kdf;
import dev.arsenal.crypto.KdfAlgorithm;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.util.Objects;
import javax.crypto.KDF;
import javax.crypto.spec.HKDFParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * HKDF through the JDK's own {@link KDF} ({@code HKDF-SHA256}, {@code HKDF-SHA512} from SunJCE, final
 * since JDK 25). A {@code KDF} is made per call: SunJCE's are cheap and hold the last spec.
 */
final class JdkKdf implements Kdf {
    private final KdfAlgorithm algorithm;
    private final Provider jca;

    JdkKdf(KdfAlgorithm algorithm, Provider jca) {
        this.algorithm = algorithm;
        this.jca = jca;
    }

    /** The JDK's name of {@code algorithm}. */
    static String jcaName(KdfAlgorithm algorithm) {
        return switch (algorithm) {
            case HKDF_SHA_256 -> "HKDF-SHA256";
            case HKDF_SHA_512 -> "HKDF-SHA512";
        };
    }

    @Override
    public KdfAlgorithm algorithm() {
        return algorithm;
    }

    @Override
    public byte[] derive(byte[] inputKeyMaterial, byte[] salt, byte[] info, int length) {
        algorithm.checkLength(length);
        HKDFParameterSpec.Builder b =
                HKDFParameterSpec.ofExtract().addIKM(Objects.requireNonNull(inputKeyMaterial, "inputKeyMaterial"));
        if (salt != null && salt.length > 0) {
            b.addSalt(salt);
        }
        return run(b.thenExpand(info, length));
    }

    @Override
    public byte[] extract(byte[] salt, byte[] inputKeyMaterial) {
        HKDFParameterSpec.Builder b =
                HKDFParameterSpec.ofExtract().addIKM(Objects.requireNonNull(inputKeyMaterial, "inputKeyMaterial"));
        if (salt != null && salt.length > 0) {
            b.addSalt(salt);
        }
        return run(b.extractOnly());
    }

    @Override
    public byte[] expand(byte[] pseudoRandomKey, byte[] info, int length) {
        algorithm.checkLength(length);
        algorithm.checkPseudoRandomKey(pseudoRandomKey);
        return run(HKDFParameterSpec.expandOnly(new SecretKeySpec(pseudoRandomKey, "HKDF-PRK"), info, length));
    }

    private byte[] run(java.security.spec.AlgorithmParameterSpec spec) {
        try {
            return KDF.getInstance(jcaName(algorithm), jca).deriveData(spec);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm.id() + ": the JDK's KDF failed: " + e, e);
        }
    }

    @Override
    public String toString() {
        return algorithm.id() + " (the JDK's KDF)";
    }
}
