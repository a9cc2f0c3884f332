package dev.arsenal.engine;

import dev.arsenal.spi.FamilyDescriptor;
import dev.arsenal.spi.Selections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every family's view over one runtime's selections, each made once when first asked for (a view is
 * a small immutable object, and {@code Hashing.xxh3_64()} should not pay for a search on each
 * call; a program that hashes should not make the compression view). The first family offering a
 * view type gives it, the built-in ones first ({@link Families}).
 */
final class Views {
    private final Selections selections;
    private final Map<Class<?>, Object> byType = new ConcurrentHashMap<>();

    Views(Selections selections) {
        this.selections = selections;
    }

    /**
     * The view {@code type}.
     *
     * @throws IllegalArgumentException if no family offers it
     */
    <V> V of(Class<V> type) {
        Object view = byType.get(type);
        if (view == null) {
            view = make(type);
        }
        if (view == null) {
            throw new IllegalArgumentException("no family offers the view " + type.getName());
        }
        return type.cast(view);
    }

    private Object make(Class<?> type) {
        for (List<FamilyDescriptor> families : List.of(Families.builtIn(), Families.all())) {
            for (FamilyDescriptor d : families) {
                Optional<FamilyDescriptor.View<?>> view = d.view();
                if (view.isPresent() && view.get().type() == type) {
                    return byType.computeIfAbsent(type, t -> view.get().make().apply(selections));
                }
            }
        }
        return null;
    }
}
