/** Native hashing providers (FFM bindings to libxxhash); see docs/architecture.md. */
package dev.arsenal.providers.natives.hashing;
