package dev.arsenal.itests.osgi;

/**
 * Prints {@code route ALGORITHM ROUTE} per algorithm as the plain {@code ServiceLoader} engine
 * decides on the class path, for comparison with the choice made in OSGi.
 */
public final class PlainSelectionMain {
    private PlainSelectionMain() {}

    /** No arguments. */
    public static void main(String[] args) throws Exception {
        Object runtime =
                Class.forName("dev.arsenal.Arsenal").getMethod("runtime").invoke(null);
        Object report =
                Class.forName("dev.arsenal.ArsenalRuntime").getMethod("report").invoke(runtime);
        ArsenalView.routesOf(report).forEach((a, r) -> System.out.println("route " + a + " " + r));
    }
}
