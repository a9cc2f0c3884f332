package dev.arsenal.engine;

import dev.arsenal.spi.FamilyDescriptor;
import dev.arsenal.spi.Selections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every family's view over one runtime's selections, made once (a view is a small immutable object,
 * and {@code Hashing.xxh3_64()} should not pay for a search on each call).
 */
final class Views {
    private final Map<Class<?>, Object> byType = new HashMap<>();

    Views(Selections selections) {
        for (FamilyDescriptor d : Families.all()) {
            Optional<FamilyDescriptor.View<?>> view = d.view();
            view.ifPresent(v -> byType.putIfAbsent(v.type(), v.make().apply(selections)));
        }
    }

    /**
     * The view {@code type}.
     *
     * @throws IllegalArgumentException if no family offers it
     */
    <V> V of(Class<V> type) {
        Object view = byType.get(type);
        if (view == null) {
            throw new IllegalArgumentException("no family offers the view " + type.getName());
        }
        return type.cast(view);
    }
}
