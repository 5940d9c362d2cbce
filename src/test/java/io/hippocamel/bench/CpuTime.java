package io.hippocamel.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * CPU time of this whole JVM (server and benchmark client together): tells whether a section was CPU-bound (busy
 * near 100 % of the cores) or waited on something else (locks, fsync), which wall-clock rates alone cannot tell.
 */
final class CpuTime {

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private final long cpu0 = OS.getProcessCpuTime();
    private final long wall0 = System.nanoTime();
    private final long[] machine0 = machineJiffies();

    /** Starts measuring now. */
    static CpuTime start() {
        return new CpuTime();
    }

    /** CPU milliseconds spent since the start, per item. */
    double msPer(int items) {
        return (OS.getProcessCpuTime() - cpu0) / 1e6 / items;
    }

    /**
     * Waits until this JVM is nearly idle (below {@code busyPercent} of the cores over one second), so that background
     * work of the previous step (Lucene merges rebuilding HNSW graphs after a bulk load) does not run during the next
     * measurement. Returns the seconds waited; gives up after {@code max}.
     */
    static double awaitIdle(String section, double busyPercent, Duration max) {
        long t0 = System.nanoTime();
        while (System.nanoTime() - t0 < max.toNanos()) {
            CpuTime window = start();
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            if (window.busyPercent() < busyPercent) {
                break;
            }
        }
        double waited = (System.nanoTime() - t0) / 1e9;
        if (waited > 1.5) {
            Progress.log(section, "waited %.0f s for background work (merges) to finish", waited);
        }
        return waited;
    }

    /**
     * Share of all cores busy since the start with any process of the machine, in percent (from /proc/stat; NaN
     * where that is missing). Far above {@link #busyPercent()}: something else ran and disturbed the measurement.
     */
    double machineBusyPercent() {
        long[] now = machineJiffies();
        if (now == null || machine0 == null || now[1] == machine0[1]) {
            return Double.NaN;
        }
        return 100.0 * (now[0] - machine0[0]) / (now[1] - machine0[1]);
    }

    /** Busy and total jiffies of all CPUs, or null. */
    private static long[] machineJiffies() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < Math.min(f.length, 9); i++) { // user nice system idle iowait irq softirq steal
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Percentage points of the cores other processes may take before a measurement counts as disturbed. */
    static final double DISTURBED_POINTS = 15;

    /** Whether other processes took more than {@link #DISTURBED_POINTS} of the cores meanwhile. */
    static boolean disturbed(double busyPercent, double machineBusyPercent) {
        return machineBusyPercent - busyPercent > DISTURBED_POINTS;
    }

    /** Share of all cores busy since the start, in percent. */
    double busyPercent() {
        double wall = System.nanoTime() - wall0;
        return 100 * (OS.getProcessCpuTime() - cpu0) / (wall * Runtime.getRuntime().availableProcessors());
    }
}
