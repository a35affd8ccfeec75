package io.keyshard.load;

import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * Watches the memory of each node process during the load: resident set size from
 * {@code /proc/<pid>/status} (VmRSS, and the kernel's own peak VmHWM) every second, heap in use
 * through the JVM's memory MBean (JMX over the attach API, the same channel {@code jcmd} uses), and,
 * at checkpoints, the live heap right after a full GC: that is what grows if a node keeps something
 * per key. The management agent itself costs the node a few MB, the same all run long.
 */
final class NodeMemoryProbe implements AutoCloseable {
    /** The live heap of one node after a full GC, with the number of keys made so far. */
    record Checkpoint(String label, int keys, long liveHeapBytes, long rssBytes) {}

    /** What one node's memory did over the run. */
    record NodeMemory(
            String name,
            long pid,
            long peakRssBytes,
            long peakHeapUsedBytes,
            long heapMaxBytes,
            List<Checkpoint> checkpoints) {}

    private static final class Watched {
        final String name;
        final long pid;
        final JMXConnector jmx;
        final MemoryMXBean memory;
        volatile long peakRss;
        volatile long peakHeap;
        final List<Checkpoint> checkpoints = new ArrayList<>();

        // A local management agent of our own child JVM: no remote or user-given JNDI name is looked up.
        @SuppressWarnings("BanJNDI")
        Watched(String name, long pid) throws Exception {
            this.name = name;
            this.pid = pid;
            VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
            try {
                this.jmx = JMXConnectorFactory.connect(new JMXServiceURL(vm.startLocalManagementAgent()));
            } finally {
                vm.detach();
            }
            this.memory = ManagementFactory.newPlatformMXBeanProxy(
                    jmx.getMBeanServerConnection(), ManagementFactory.MEMORY_MXBEAN_NAME, MemoryMXBean.class);
        }
    }

    private final Map<String, Watched> nodes = new LinkedHashMap<>();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "load-memory-sampler");
        t.setDaemon(true);
        return t;
    });

    private NodeMemoryProbe() {}

    /** Finds the node processes this JVM started for {@code home}'s local cluster and starts sampling them. */
    static NodeMemoryProbe watch(Path home, List<String> names) throws Exception {
        NodeMemoryProbe probe = new NodeMemoryProbe();
        for (String name : names) {
            String data = home.resolve("nodes").resolve(name).resolve("data").toString();
            ProcessHandle p = ProcessHandle.current()
                    .children()
                    .filter(h -> h.info()
                            .arguments()
                            .map(a -> List.of(a).contains(data))
                            .orElse(false))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no node process of " + name + " under this JVM"));
            probe.nodes.put(name, new Watched(name, p.pid()));
        }
        probe.sampler.scheduleAtFixedRate(probe::sample, 0, 1, TimeUnit.SECONDS);
        return probe;
    }

    Map<String, Long> pids() {
        Map<String, Long> out = new LinkedHashMap<>();
        nodes.forEach((n, w) -> out.put(n, w.pid));
        return out;
    }

    private void sample() {
        for (Watched w : nodes.values()) {
            try {
                w.peakRss = Math.max(w.peakRss, procStatus(w.pid, "VmRSS:"));
                w.peakHeap = Math.max(w.peakHeap, w.memory.getHeapMemoryUsage().getUsed());
            } catch (Exception e) {
                // a missed sample; the next one comes in a second and VmHWM keeps the true RSS peak anyway
            }
        }
    }

    /** Forces a full GC in every node and records its live heap against {@code keys} made so far. */
    synchronized void checkpoint(String label, int keys) throws IOException {
        for (Watched w : nodes.values()) {
            w.memory.gc();
            long live = w.memory.getHeapMemoryUsage().getUsed();
            w.checkpoints.add(new Checkpoint(label, keys, live, procStatus(w.pid, "VmRSS:")));
        }
    }

    /** Each node's figures so far. */
    synchronized List<NodeMemory> figures() throws IOException {
        sample();
        List<NodeMemory> out = new ArrayList<>();
        for (Watched w : nodes.values()) {
            long hwm = procStatus(w.pid, "VmHWM:");
            out.add(new NodeMemory(
                    w.name,
                    w.pid,
                    Math.max(hwm, w.peakRss),
                    w.peakHeap,
                    w.memory.getHeapMemoryUsage().getMax(),
                    List.copyOf(w.checkpoints)));
        }
        return out;
    }

    /** A {@code kB} line of {@code /proc/<pid>/status}, in bytes. */
    static long procStatus(long pid, String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith(field)) {
                return Long.parseLong(
                                line.substring(field.length()).replace("kB", "").trim())
                        * 1024;
            }
        }
        throw new IOException("no " + field + " in /proc/" + pid + "/status");
    }

    @Override
    public void close() {
        sampler.shutdownNow();
        for (Watched w : nodes.values()) {
            try {
                w.jmx.close();
            } catch (IOException ignored) {
                // the node may already be gone
            }
        }
    }
}
