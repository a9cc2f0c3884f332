package dev.arsenal.providers.natives.hashing;

/**
 * Run by {@link XxhashBindingsFaultTest} in a JVM started with {@code --illegal-native-access=deny}:
 * prints what binding libxxhash gives there.
 */
final class DeniedNativeAccessMain {
    private DeniedNativeAccessMain() {}

    public static void main(String[] args) {
        System.out.println(
                XxhashBindings.bindNames(XxhashBindings.defaultNames()).availability());
    }
}
