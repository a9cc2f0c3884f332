package dev.arsenal.spi.hashing;

/**
 * The known answers of {@link KnownAnswers}, one per line: {@code algorithm length seed(hex)
 * hash(hex; xxh128 high then low)}. Computed by libxxhash 0.8.1 ({@code XXH32}, {@code XXH64},
 * {@code XXH3_64bits_withSeed}, {@code XXH3_128bits_withSeed}), zlib ({@code crc32}) and a bitwise
 * CRC-32C, on the input of length n made by {@link KnownAnswers#pattern(int)}: {@code x =
 * 0x2545F4914F6CDD1D}; for each byte {@code x = x * 6364136223846793005 + 1442695040888963407 (mod
 * 2^64)}, {@code byte = x >>> 56}.
 *
 * <p>A class and not a resource file: reading a resource from a jar costs a process's first use of
 * the family some 30 ms (the JDK's {@code jar:} URL handling), a string constant nothing.
 */
final class KnownAnswerLines {
    private KnownAnswerLines() {}

    /** The lines, in the order above. */
    static final String LINES = """
            xxh32 0 0 02cc5d05
            xxh32 0 9e3779b1 36b78ae7
            xxh64 0 0 ef46db3751d8e999
            xxh3 0 0 2d06800538d394c2
            xxh128 0 0 99aa06d3014798d86001c324468d497f
            xxh64 0 9e3779b97f4a7c15 c4349fc93c010000
            xxh3 0 9e3779b97f4a7c15 602b0e2cd6662c8b
            xxh128 0 9e3779b97f4a7c15 d142977a2cca554b4ca5176998171787
            crc32 0 0 00000000
            crc32c 0 0 00000000
            xxh32 1 0 2ec430ea
            xxh32 1 9e3779b1 93156262
            xxh64 1 0 5c80c09683041123
            xxh3 1 0 eaf06c6480b2cd11
            xxh128 1 0 5c7401c0ec22eeeeeaf06c6480b2cd11
            xxh64 1 9e3779b97f4a7c15 9e44133de74c528f
            xxh3 1 9e3779b97f4a7c15 da45103370491bbf
            xxh128 1 9e3779b97f4a7c15 873d127688f12fa6da45103370491bbf
            crc32 1 0 8cdc1683
            crc32c 1 0 a93c5f93
            xxh32 3 0 87db5daf
            xxh32 3 9e3779b1 c483557e
            xxh64 3 0 735fca1a59a7899b
            xxh3 3 0 f0319250b710ff93
            xxh128 3 0 dda7b224d9739805f0319250b710ff93
            xxh64 3 9e3779b97f4a7c15 2cd8e0873491fe09
            xxh3 3 9e3779b97f4a7c15 0f346e59a5455311
            xxh128 3 9e3779b97f4a7c15 c38c3e9e5259e6840f346e59a5455311
            crc32 3 0 e2a99220
            crc32c 3 0 25ce6b27
            xxh32 4 0 39a7fac3
            xxh32 4 9e3779b1 1f87d6ee
            xxh64 4 0 7c7be356085fd50d
            xxh3 4 0 c6ba09a74fcbc44a
            xxh128 4 0 1d6de3d4efc990096a1767d42e8db3a6
            xxh64 4 9e3779b97f4a7c15 899f332b5142e12b
            xxh3 4 9e3779b97f4a7c15 dc420e1e24bf156b
            xxh128 4 9e3779b97f4a7c15 bdba00e2360118ad52a10ce4aef7c2b5
            crc32 4 0 1037b9b8
            crc32c 4 0 79c444c8
            xxh32 8 0 349a3320
            xxh32 8 9e3779b1 4b590082
            xxh64 8 0 9b08dddf99702105
            xxh3 8 0 ff44089b45c56a44
            xxh128 8 0 375d24f44311c3bc336f825a63724a7f
            xxh64 8 9e3779b97f4a7c15 6823340789e285d4
            xxh3 8 9e3779b97f4a7c15 5426c0a1662f00e1
            xxh128 8 9e3779b97f4a7c15 142a50b2badc934215357b890ec7a01d
            crc32 8 0 60d67ebc
            crc32c 8 0 177af72b
            xxh32 9 0 60bfbb43
            xxh32 9 9e3779b1 4088d3d1
            xxh64 9 0 87e01d74e0ccb450
            xxh3 9 0 f4c695780bff7255
            xxh128 9 0 dd81bdd247f656de3c6340d0d46c5bdf
            xxh64 9 9e3779b97f4a7c15 8a27659d58debc3c
            xxh3 9 9e3779b97f4a7c15 8cef1a7a76fc8f15
            xxh128 9 9e3779b97f4a7c15 f08203123bdd1c68f6bb00f3d142030e
            crc32 9 0 29b67596
            crc32c 9 0 1b3e57ad
            xxh32 16 0 5475165f
            xxh32 16 9e3779b1 bb7f63b0
            xxh64 16 0 db935245ee233840
            xxh3 16 0 0fe256d1b4ef1670
            xxh128 16 0 ad486c0222acce6d87a1954a6d360627
            xxh64 16 9e3779b97f4a7c15 9bc41801f025cc5c
            xxh3 16 9e3779b97f4a7c15 f011834ac8b137e4
            xxh128 16 9e3779b97f4a7c15 f6cdbb67b49b6a62b8c50a89fc6ed654
            crc32 16 0 3a84a87f
            crc32c 16 0 0f9a9b40
            xxh32 17 0 86ace835
            xxh32 17 9e3779b1 83ee130b
            xxh64 17 0 4f569cf52d0c2ffb
            xxh3 17 0 db4f068bee74bc9b
            xxh128 17 0 282e4ffc4a156eb49bce4ff1dd0d787a
            xxh64 17 9e3779b97f4a7c15 2038562fc02deb92
            xxh3 17 9e3779b97f4a7c15 cfbeb1f7da177fc5
            xxh128 17 9e3779b97f4a7c15 0fff90ec2228ac18bc6c45f843437c16
            crc32 17 0 10ef9482
            crc32c 17 0 c3d40146
            xxh32 128 0 46f70590
            xxh32 128 9e3779b1 a24d5463
            xxh64 128 0 394d62f9ab40b495
            xxh3 128 0 fd634247639bd171
            xxh128 128 0 eb29c8044e60ab2d42d3022af80826a9
            xxh64 128 9e3779b97f4a7c15 3a22db8a762c83c0
            xxh3 128 9e3779b97f4a7c15 25208a971069cd0b
            xxh128 128 9e3779b97f4a7c15 71c1637c10f0f13b29b6af21a7b079f9
            crc32 128 0 35c703b7
            crc32c 128 0 ada47d48
            xxh32 129 0 d54af805
            xxh32 129 9e3779b1 482d60fa
            xxh64 129 0 8509c84aafeef008
            xxh3 129 0 7c53b37a85a4684c
            xxh128 129 0 23bd0aecf4a217c902973d88ca98de16
            xxh64 129 9e3779b97f4a7c15 36f86489385f4497
            xxh3 129 9e3779b97f4a7c15 ddcb9063b3a21832
            xxh128 129 9e3779b97f4a7c15 d32510a2d18540c8d58095eadfbd8670
            crc32 129 0 9a851ec5
            crc32c 129 0 892c7530
            xxh32 240 0 8888782f
            xxh32 240 9e3779b1 46793e6a
            xxh64 240 0 6d697aa2f8bb109f
            xxh3 240 0 093f4ee26149c3b8
            xxh128 240 0 41785976623af616c6e367012bac0af2
            xxh64 240 9e3779b97f4a7c15 27b720de638654f6
            xxh3 240 9e3779b97f4a7c15 54c043d96f049692
            xxh128 240 9e3779b97f4a7c15 9e07db9a511721a5bc3b2a6b895f2265
            crc32 240 0 db6d1444
            crc32c 240 0 c8080f29
            xxh32 241 0 eb54d219
            xxh32 241 9e3779b1 686a74a1
            xxh64 241 0 0aec53893bf7cde9
            xxh3 241 0 48ee3b4920965900
            xxh128 241 0 63d275a7627d0f7448ee3b4920965900
            xxh64 241 9e3779b97f4a7c15 d3c4030a8e1cc76b
            xxh3 241 9e3779b97f4a7c15 084f9a36978a36c3
            xxh128 241 9e3779b97f4a7c15 274353e20b3501b3084f9a36978a36c3
            crc32 241 0 bbdf4067
            crc32c 241 0 0da38b0c
            xxh32 1024 0 f6205b09
            xxh32 1024 9e3779b1 2de7b139
            xxh64 1024 0 568543a1fc86e5f6
            xxh3 1024 0 8d9acea00abd0ac4
            xxh128 1024 0 38daa5acecb451e88d9acea00abd0ac4
            xxh64 1024 9e3779b97f4a7c15 9d026989096c6e77
            xxh3 1024 9e3779b97f4a7c15 fbcab90cabccfcce
            xxh128 1024 9e3779b97f4a7c15 87c10edb711fb20cfbcab90cabccfcce
            crc32 1024 0 5d6651d0
            crc32c 1024 0 19d82301
            xxh32 4099 0 162ff1e6
            xxh32 4099 9e3779b1 0ed700c4
            xxh64 4099 0 592ef8292b110d2c
            xxh3 4099 0 4512e6d0ea77b837
            xxh128 4099 0 746ef73fd1a7cbb74512e6d0ea77b837
            xxh64 4099 9e3779b97f4a7c15 3551d14adcfcc925
            xxh3 4099 9e3779b97f4a7c15 1f5f2b9b47a0c41f
            xxh128 4099 9e3779b97f4a7c15 4bced2f04cdf944b1f5f2b9b47a0c41f
            crc32 4099 0 f9af39fc
            crc32c 4099 0 2160a99f
            """;
}
