package dev.arsenal.engine;

import dev.arsenal.spi.Provider;

/**
 * Where an algorithm's calls go: inputs shorter than {@code crossover} bytes to {@code small}, the
 * rest to {@code large}. A single-provider route has {@code small == large}.
 */
record Route(Provider small, Provider large, long crossover) {
    static Route single(Provider provider) {
        return new Route(provider, provider, 0);
    }

    boolean tiered() {
        return small != large;
    }
}
