/**
 * The provider contract: identity, kind, family, algorithms, requirements, availability with its
 * cause, known-answer self-test and rank per strategy. Providers compile against this package and
 * a family package such as {@link dev.arsenal.spi.hashing}; applications never need it.
 */
@Export
@Version("1.0.0")
package dev.arsenal.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
