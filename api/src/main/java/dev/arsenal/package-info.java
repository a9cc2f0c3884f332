/**
 * The entry point {@link dev.arsenal.Arsenal} and what every family shares: {@link
 * dev.arsenal.ArsenalRuntime}, {@link dev.arsenal.Configuration}, {@link dev.arsenal.Strategy},
 * {@link dev.arsenal.ProviderKind}, {@link dev.arsenal.Family}, {@link dev.arsenal.Algorithm}, the
 * exceptions, and {@link dev.arsenal.RuntimeFactory}, through which the engine is found.
 */
@Export
@Version("1.0.0")
package dev.arsenal;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
