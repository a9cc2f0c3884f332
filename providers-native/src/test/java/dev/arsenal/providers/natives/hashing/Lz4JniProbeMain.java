package dev.arsenal.providers.natives.hashing;

/** Run by {@link Lz4JniXxhashProviderTest} in a JVM set up to break lz4-java: prints the probe. */
final class Lz4JniProbeMain {
    private Lz4JniProbeMain() {}

    public static void main(String[] args) {
        System.out.println(new Lz4JniXxhashProvider().probe(null));
    }
}
