/**
 * The provider SPI ({@link dev.arsenal.spi}, {@link dev.arsenal.spi.hashing}) and the selection
 * engine that implements {@link dev.arsenal.RuntimeFactory}: it detects the platform, discovers
 * providers, probes, self-tests and ranks them, and records every decision.
 */
module dev.arsenal.spi {
    requires transitive dev.arsenal.api;
    requires java.logging;
    requires jdk.management;
    requires static biz.aQute.bnd.annotation;
    requires static org.osgi.framework;
    requires static org.osgi.service.component.annotations;
    requires static org.apache.felix.gogo.runtime; // @Descriptor on the shell commands, for Gogo's help

    exports dev.arsenal.spi;
    exports dev.arsenal.spi.compression;
    exports dev.arsenal.spi.hashing;

    uses dev.arsenal.spi.Provider;

    provides dev.arsenal.RuntimeFactory with
            dev.arsenal.engine.EngineRuntimeFactory;
}
