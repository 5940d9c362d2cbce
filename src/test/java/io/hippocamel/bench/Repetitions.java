package io.hippocamel.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.Predicate;

/**
 * Repeats a measurement on a shared machine: a repetition during which other processes took a good share of the
 * cores ({@link CpuTime#disturbed}) is kept in the report but does not count, and another one is run instead, up to
 * {@code extra} more attempts.
 */
final class Repetitions {

    private Repetitions() {
    }

    /** All attempts in run order; stops once {@code wanted} undisturbed ones exist or attempts run out. */
    static <T> List<T> run(String section, int wanted, int extra, IntFunction<T> attempt, Predicate<T> disturbed) {
        List<T> all = new ArrayList<>();
        int clean = 0;
        while (clean < wanted && all.size() < wanted + extra) {
            T result = attempt.apply(all.size() + 1);
            all.add(result);
            if (disturbed.test(result)) {
                Progress.log(section, "attempt %d was disturbed by other processes; it does not count", all.size());
            } else {
                clean++;
            }
        }
        return all;
    }

    /** The attempts that count: the undisturbed ones, or all of them when every one was disturbed. */
    static <T> List<T> counted(List<T> all, Predicate<T> disturbed) {
        List<T> clean = all.stream().filter(disturbed.negate()).toList();
        return clean.isEmpty() ? all : clean;
    }
}
