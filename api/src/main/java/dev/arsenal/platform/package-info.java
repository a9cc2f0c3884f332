/**
 * What was detected about the machine and the JVM ({@link dev.arsenal.platform.PlatformInfo}): CPU
 * features, each with the source it came from, caches, and the JVM's view of them.
 */
@Export
@Version("1.0.0")
package dev.arsenal.platform;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
