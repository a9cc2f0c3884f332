package dev.arsenal.providers.natives.hashing;

/**
 * Run by {@link XxhashBindingsFaultTest} in a JVM started with other native-access flags (none,
 * {@code --illegal-native-access=deny} or {@code =allow}): prints what binding libxxhash gives there.
 */
final class NativeAccessMain {
    private NativeAccessMain() {}

    public static void main(String[] args) {
        System.out.println(
                XxhashBindings.bindNames(XxhashBindings.defaultNames()).availability());
    }
}
