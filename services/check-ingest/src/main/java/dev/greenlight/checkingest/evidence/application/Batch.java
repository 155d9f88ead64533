package dev.greenlight.checkingest.evidence.application;

import dev.greenlight.checkingest.release.domain.InvalidFieldException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The items of one request, and whether the client sent them as an array: errors in an array name
 * the item ({@code items[3].status}), errors in a single object name just the field.
 */
public record Batch<T>(List<T> items, boolean array) {

    public Batch {
        items = List.copyOf(items);
    }

    public static <T> Batch<T> single(T item) {
        return new Batch<>(List.of(item), false);
    }

    /** Where the item at {@code index} sits in the request, as a prefix for its field names. */
    public static String prefix(boolean array, int index) {
        return array ? "items[" + index + "]." : "";
    }

    /** Builds each item, naming the item in any violation; validation is all-or-nothing. */
    public static <T> Batch<T> build(boolean array, int size, IntFunction<T> item) {
        if (size == 0) {
            throw new InvalidFieldException("items", "must contain at least one item");
        }
        List<T> items = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            try {
                items.add(item.apply(i));
            } catch (InvalidFieldException e) {
                throw e.within(prefix(array, i));
            }
        }
        return new Batch<>(items, array);
    }
}
