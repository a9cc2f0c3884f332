package dev.arsenal.providers.natives.hashing;

/** Run by {@link Lz4JavaXxhashProviderTest} in a JVM set up to break lz4-java: prints the probe. */
final class Lz4JavaProbeMain {
    private Lz4JavaProbeMain() {}

    public static void main(String[] args) {
        System.out.println(new Lz4JavaXxhashProvider().probe(null));
    }
}
