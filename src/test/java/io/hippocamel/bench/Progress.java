package io.hippocamel.bench;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/** Progress lines on stdout (section, counts, elapsed), so a long run shows it is alive. */
final class Progress {

    private static final long START = System.nanoTime();
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private Progress() {
    }

    static void log(String section, String format, Object... args) {
        Duration elapsed = Duration.ofNanos(System.nanoTime() - START);
        System.out.printf("[bench %s +%dm%02ds] %-8s %s%n", LocalTime.now().format(CLOCK), elapsed.toMinutes(),
                elapsed.toSecondsPart(), section, String.format(format, args));
        System.out.flush();
    }
}
