package nl.menscentraal.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * CPU and heap over one phase. Machine CPU comes from {@code /proc/stat} because PostgreSQL runs in its own
 * processes; the JVM's share from its own CPU time. Heap is sampled every 200 ms.
 */
final class ResourceMeter implements AutoCloseable {

    record Usage(double machineCpuPercent, double jvmCpuPercent, long maxHeapMiB) {
    }

    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bench-resource-sampler");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong maxHeap = new AtomicLong();
    private final long[] startTicks;
    private final long startCpuNanos;
    private final long startWall;

    ResourceMeter() {
        startTicks = procStat();
        startCpuNanos = os.getProcessCpuTime();
        startWall = System.nanoTime();
        sampler.scheduleAtFixedRate(() -> maxHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max),
                0, 200, TimeUnit.MILLISECONDS);
    }

    Usage usage() {
        long[] ticks = procStat();
        long busy = ticks[0] - startTicks[0];
        long total = ticks[1] - startTicks[1];
        double wallNanos = System.nanoTime() - startWall;
        int cores = Runtime.getRuntime().availableProcessors();
        double jvm = 100.0 * (os.getProcessCpuTime() - startCpuNanos) / (wallNanos * cores);
        return new Usage(total == 0 ? 0 : 100.0 * busy / total, jvm, maxHeap.get() >> 20);
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }

    /** {busy, total} jiffies of all cores. */
    private static long[] procStat() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length; i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new long[]{total - idle, total};
        } catch (IOException | RuntimeException e) {
            return new long[]{0, 0};
        }
    }
}
