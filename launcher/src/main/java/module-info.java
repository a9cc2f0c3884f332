/**
 * The {@code arsenal} command: info, hash and selftest over Arsenal's public API, and {@code shell},
 * which boots an embedded Apache Felix with every bundle.
 *
 * <p>The framework (a named module, {@code org.apache.felix.framework}) is a static dependence, and
 * the {@code FrameworkFactory} service use is added at run time: a {@code uses} here would bind
 * Felix into every module-path boot layer, where {@code org.osgi.framework} would then be
 * observable to modules that do not read it. On the class path (the {@code arsenal} script) this
 * makes no difference; on the module path {@code shell} needs {@code --add-modules
 * org.apache.felix.framework}.
 */
module dev.arsenal.launcher {
    requires dev.arsenal.api;
    requires java.logging;
    requires static org.apache.felix.framework;

    exports dev.arsenal.launcher;
}
