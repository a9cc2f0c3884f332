/**
 * The selection engine that implements {@link dev.arsenal.RuntimeFactory}: it detects the platform,
 * discovers providers, probes, self-tests and ranks them, and records every decision. In an OSGi
 * framework it is also the Declarative Services component that follows provider services and
 * registers the {@code ArsenalRuntime} service and the {@code arsenal:*} Gogo commands.
 *
 * <p>It exports nothing: applications reach it through the API, providers never see it, so a new
 * engine replaces the old one without rewiring any other bundle.
 */
module dev.arsenal.engine {
    requires dev.arsenal.spi;
    requires java.logging;
    requires jdk.management;
    requires static biz.aQute.bnd.annotation;
    requires static org.osgi.framework;
    requires static org.osgi.service.component.annotations;
    requires static org.apache.felix.gogo.runtime; // @Descriptor on the shell commands, for Gogo's help

    uses dev.arsenal.spi.Provider;
    uses dev.arsenal.spi.FamilyDescriptor; // families beyond the built-in ones (Families)

    provides dev.arsenal.RuntimeFactory with
            dev.arsenal.engine.EngineRuntimeFactory;
}
