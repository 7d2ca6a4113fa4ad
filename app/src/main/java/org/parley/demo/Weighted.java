package org.parley.demo;

import java.util.List;
import java.util.Random;
import java.util.function.ToIntFunction;

/** Draws items with probability proportional to their weight. */
final class Weighted<T> {

    private final List<T> items;
    private final int[] cumulative;

    Weighted(List<T> items, ToIntFunction<T> weight) {
        this.items = List.copyOf(items);
        this.cumulative = new int[items.size()];
        int sum = 0;
        for (int i = 0; i < items.size(); i++) {
            sum += weight.applyAsInt(items.get(i));
            cumulative[i] = sum;
        }
        if (sum <= 0) {
            throw new IllegalArgumentException("nothing to draw from");
        }
    }

    T draw(Random random) {
        int target = random.nextInt(cumulative[cumulative.length - 1]);
        int low = 0;
        int high = cumulative.length - 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (cumulative[mid] > target) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return items.get(low);
    }
}
