/**
 * The provider contract: identity, kind, family, algorithms, requirements, availability with its
 * cause, known-answer self-test and rank per strategy. Providers compile against this package and
 * a family package such as {@link dev.arsenal.spi.hashing}; applications never need it.
 */
package dev.arsenal.spi;
