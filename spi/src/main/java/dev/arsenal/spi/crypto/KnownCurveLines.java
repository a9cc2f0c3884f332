package dev.arsenal.spi.crypto;

/**
 * The known answers of {@link CurveKnownAnswers}, one per line, in hex. Signatures: {@code
 * algorithm;private key;public key;message;signature}, RFC 8032 section 7.1's tests 1, 2 and 3.
 * Key agreement: {@code algorithm;private key;peer public key;shared secret}, RFC 7748 section
 * 5.2's two single multiplications (the second with the top bit of u set, which must be ignored),
 * and section 6.1's Alice and Bob, each with the other's key and with the base point 9 (which gives
 * their own public key).
 */
final class KnownCurveLines {
    private KnownCurveLines() {}

    /** The signature lines. */
    static final String SIGNATURES = """
            ed25519;9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60;d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a;;e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b
            ed25519;4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb;3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c;72;92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00
            ed25519;c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7;fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025;af82;6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a
            """;

    /** The key agreement lines. */
    static final String AGREEMENTS = """
            x25519;a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4;e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c;c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552
            x25519;4b66e9d4d1b4673c5ad22691957d6af5c11b6421e0ea01d42ca4169e7918ba0d;e5210f12786811d3f4b7959d0538ae2c31dbe7106fc03c3efc4cd549c715a493;95cbde9476e8907d7aade45cb4b873f88b595a68799fa152e6f8f7647aac7957
            x25519;77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a;de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f;4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742
            x25519;5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb;8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a;4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742
            x25519;77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a;0900000000000000000000000000000000000000000000000000000000000000;8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a
            x25519;5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb;0900000000000000000000000000000000000000000000000000000000000000;de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f
            """;
}
