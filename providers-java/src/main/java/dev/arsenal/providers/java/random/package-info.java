/** The pure-Java random provider. */
package dev.arsenal.providers.java.random;
