package dev.arsenal.spi.crypto;

/**
 * The known answers of {@link DigestKnownAnswers}, one per line: {@code algorithm;input
 * length;output length;key in hex, or ctx: and a context string;digest in hex}. The input of
 * length n is the bytes {@code i % 251} for i from 0 to n - 1, as in BLAKE3's official vectors.
 *
 * <ul>
 *   <li>SHA-256, SHA-512 and BLAKE2b: computed with CPython's {@code hashlib} (OpenSSL's SHA-2,
 *       the BLAKE2 reference code), and checked against {@code sha256sum}, {@code sha512sum} and
 *       {@code b2sum} by the interop tests; the inputs cross a block boundary, BLAKE2b is keyed and
 *       of several lengths (1, 20, 32 and 64 bytes);
 *   <li>BLAKE3: from the official {@code test_vectors.json} (BLAKE3-team/BLAKE3, CC0 or Apache
 *       2.0; the whole file is in {@code testdata/blake3}): the 131-byte extended output of the
 *       empty input, 1,025 bytes (two chunks), 31,744 bytes (31 chunks: enough for a 16-lane SIMD
 *       batch), keyed, and derive_key.
 * </ul>
 *
 * <p>A class and not a resource file: reading a resource from a jar costs a process's first use of
 * the family some 30 ms, a string constant nothing.
 */
final class KnownDigestLines {
    private KnownDigestLines() {}

    /** The lines. */
    static final String LINES = """
            sha-256;0;32;;e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
            sha-256;64;32;;fdeab9acf3710362bd2658cdc9a29e8f9c757fcf9811603a8c447cd1d9151108
            sha-256;1000;32;;4e4c294b331f7a2099a379bec34b9f9fc03dc46ab465d998f4d683da53487e6d
            sha-512;0;64;;cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e
            sha-512;128;64;;1dffd5e3adb71d45d2245939665521ae001a317a03720a45732ba1900ca3b8351fc5c9b4ca513eba6f80bc7b1d1fdad4abd13491cb824d61b08d8c0e1561b3f7
            sha-512;1000;64;;5096498d96f50f9a137c4db5b8b0cd38383ad55350fb5a98805fedc31fa1262f1f0cf4d6f12d7ecd8dedd933a4c9126344fe22e937a8ad35fdeae1e876ae698b
            blake2b;0;64;;786a02f742015903c6c6fd852552d272912f4740e15847618a86e217f71f5419d25e1031afee585313896444934eb04b903a685b1448b755d56f701afe9be2ce
            blake2b;1000;64;;c11e1c0340bd7e5a1b275f1230c962fad215ecb1391486e74e31b960a2f2996381a5fad092da06841d5f26e38f6ecfeaf441acbcd1c2de61aef121e7927175f5
            blake2b;129;32;000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f;20f607da31ed9652deecf4ef78905d4916ba6f5df37bfc4b610d50ba5447623a
            blake2b;200;1;;5f
            blake2b;17;20;000102;c4104bbf9cdadafccb25ddd436e544909d711401
            blake3;0;131;;af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262e00f03e7b69af26b7faaf09fcd333050338ddfe085b8cc869ca98b206c08243a26f5487789e8f660afe6c99ef9e0c52b92e7393024a80459cf91f476f9ffdbda7001c22e159b402631f277ca96f2defdf1078282314e763699a31c5363165421cce14d
            blake3;1025;32;;d00278ae47eb27b34faecf67b4fe263f82d5412916c1ffd97c8cb7fb814b8444
            blake3;31744;32;;62b6960e1a44bcc1eb1a611a8d6235b6b4b78f32e7abc4fb4c6cdcce94895c47
            blake3;1025;32;77686174732074686520456c7669736820776f726420666f7220667269656e64;357dc55de0c7e382c900fd6e320acc04146be01db6a8ce7210b7189bd664ea69
            blake3;65;32;ctx:BLAKE3 2019-12-27 16:29:52 test vectors context;51fd05c3c1cfbc8ed67d139ad76f5cf8236cd2acd26627a30c104dfd9d3ff8a8
            """;
}
