package dev.arsenal.report;

/**
 * One size range of a tiered choice: inputs of at least {@code fromBytes} bytes (up to the next
 * tier's start) go to {@code provider}.
 *
 * @param fromBytes the smallest input size of this tier; 0 for the first tier
 * @param provider the provider that hashes inputs of this range
 */
public record Tier(long fromBytes, String provider) {}
