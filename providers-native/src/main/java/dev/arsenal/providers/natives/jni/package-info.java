/** What the providers that use JNI libraries shipped in jars (lz4-java, zstd-jni) share: the probe. */
package dev.arsenal.providers.natives.jni;
