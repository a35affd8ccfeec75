package io.keyshard.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What one load run measured, as written to {@code results.json} and printed as a summary. Every
 * figure is a measurement to report; only {@code failed}, the audit's problems and the vault counts
 * are checked by the tests. {@code afterExpiry} is the second audit of a run that waited for the
 * abandoned sessions' timeout (null otherwise).
 */
record LoadResults(
        Machine machine,
        Phase sequential,
        Phase concurrent,
        int failed,
        List<String> failures,
        int abandonedStarted,
        ServerAudit.Findings audit,
        ServerAudit.Findings afterExpiry,
        List<NodeMemoryProbe.NodeMemory> memory,
        SignLoad.Result signing,
        double totalSeconds) {

    /** The machine and its load (other processes may share its cores). */
    record Machine(int cores, String uptimeAtStart, String uptimeAtEnd, String clusterStartSeconds) {}

    /** One phase: keygens acknowledged and failed, rate, latency percentiles (ms). */
    record Phase(
            String what,
            int clients,
            int acknowledged,
            int failed,
            double seconds,
            double perSecond,
            double p50Ms,
            double p95Ms,
            double maxMs,
            double firstTenthMeanMs,
            double lastTenthMeanMs) {

        static Phase of(String what, int clients, List<Double> latencies, int failed, double seconds) {
            double[] v = latencies.stream().mapToDouble(Double::doubleValue).toArray();
            double[] sorted = v.clone();
            Arrays.sort(sorted);
            int tenth = Math.max(1, v.length / 10);
            return new Phase(
                    what,
                    clients,
                    v.length,
                    failed,
                    round(seconds),
                    round(v.length / seconds),
                    round(pct(sorted, 50)),
                    round(pct(sorted, 95)),
                    round(sorted.length == 0 ? 0 : sorted[sorted.length - 1]),
                    round(mean(v, 0, Math.min(tenth, v.length))),
                    round(mean(v, Math.max(0, v.length - tenth), v.length)));
        }
    }

    static double round(double x) {
        return Math.round(x * 100) / 100.0;
    }

    private static double pct(double[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1)];
    }

    private static double mean(double[] v, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += v[i];
        }
        return to > from ? s / (to - from) : 0;
    }

    /** Live heap growth of a node between its first and last checkpoint, in bytes per 1,000 keys. */
    static long growthPerThousandKeys(NodeMemoryProbe.NodeMemory m) {
        List<NodeMemoryProbe.Checkpoint> c = m.checkpoints();
        if (c.size() < 2 || c.get(c.size() - 1).keys() == c.get(0).keys()) {
            return 0;
        }
        NodeMemoryProbe.Checkpoint first = c.get(0);
        NodeMemoryProbe.Checkpoint last = c.get(c.size() - 1);
        return (last.liveHeapBytes() - first.liveHeapBytes()) * 1000 / (last.keys() - first.keys());
    }

    void write(Path out) throws IOException {
        Files.createDirectories(out);
        new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(out.resolve("results.json").toFile(), this);
        Files.writeString(out.resolve("results.txt"), summary());
    }

    String summary() {
        List<String> l = new ArrayList<>();
        l.add("Keyshard load run (" + machine.cores() + " cores, shared with other work)");
        l.add("  uptime at start: " + machine.uptimeAtStart());
        l.add("  uptime at end:   " + machine.uptimeAtEnd());
        l.add("  local cluster up in " + machine.clusterStartSeconds() + " s");
        for (Phase p : List.of(sequential, concurrent)) {
            l.add(String.format(
                    Locale.ROOT,
                    "  %-34s %5d ok %3d failed in %7.1f s = %6.2f/s; p50 %.0f ms, p95 %.0f ms,"
                            + " max %.0f ms; first tenth %.0f ms, last tenth %.0f ms",
                    p.what() + " (" + p.clients() + " client" + (p.clients() > 1 ? "s" : "") + ")",
                    p.acknowledged(),
                    p.failed(),
                    p.seconds(),
                    p.perSecond(),
                    p.p50Ms(),
                    p.p95Ms(),
                    p.maxMs(),
                    p.firstTenthMeanMs(),
                    p.lastTenthMeanMs()));
        }
        l.add("  failed: " + failed + (failures.isEmpty() ? "" : " " + failures));
        l.add(String.format(
                Locale.ROOT,
                "  acknowledged %d; READY on every chosen server %d; vault READY %d, "
                        + "PENDING %d, FAILED %d; lost or inconsistent: %d",
                audit.acknowledged(),
                audit.readyOnEveryChosenServer(),
                audit.vaultReady(),
                audit.vaultPending(),
                audit.vaultFailed(),
                audit.problems().size()));
        l.add(String.format(
                Locale.ROOT,
                "  abandoned keygens %d: sessions still in memory %d, expired %d " + "(node session TTL %d s)",
                abandonedStarted,
                audit.abandonedInProgress(),
                audit.abandonedExpired(),
                LoadDriver.NODE_SESSION_TTL.toSeconds()));
        if (afterExpiry != null) {
            l.add(String.format(
                    Locale.ROOT,
                    "  after the timeout: sessions in memory %d, expired %d; READY on every "
                            + "chosen server %d; lost or inconsistent: %d",
                    afterExpiry.abandonedInProgress(),
                    afterExpiry.abandonedExpired(),
                    afterExpiry.readyOnEveryChosenServer(),
                    afterExpiry.problems().size()));
        }
        for (NodeMemoryProbe.NodeMemory m : memory) {
            NodeMemoryProbe.Checkpoint first =
                    m.checkpoints().isEmpty() ? null : m.checkpoints().get(0);
            NodeMemoryProbe.Checkpoint last = m.checkpoints().isEmpty()
                    ? null
                    : m.checkpoints().get(m.checkpoints().size() - 1);
            l.add(String.format(
                    Locale.ROOT,
                    "  %s: peak RSS %.1f MiB, peak heap used %.1f of %.0f MiB; live heap "
                            + "after GC %.1f MiB (%d keys) -> %.1f MiB (%d keys), %+.2f MiB per 1,000 keys",
                    m.name(),
                    mib(m.peakRssBytes()),
                    mib(m.peakHeapUsedBytes()),
                    mib(m.heapMaxBytes()),
                    first == null ? 0 : mib(first.liveHeapBytes()),
                    first == null ? 0 : first.keys(),
                    last == null ? 0 : mib(last.liveHeapBytes()),
                    last == null ? 0 : last.keys(),
                    mib(growthPerThousandKeys(m))));
        }
        l.add(String.format(
                Locale.ROOT,
                "  signing (%d clients): %d signatures (%d ECDSA), %d failed in %.1f s = %.2f/s; R repeated %d times;"
                        + " %d left after round 1; quota: %d accepted, then 503 %s, accepted after aborts %s;"
                        + " node audits %s",
                signing.clients(),
                signing.signatures(),
                signing.ecdsaSignatures(),
                signing.failed(),
                signing.seconds(),
                signing.perSecond(),
                signing.nonceRepeats().size(),
                signing.abandoned(),
                signing.quotaAccepted(),
                signing.quotaRefusedWith503(),
                signing.acceptedAfterAborts(),
                signing.outcomes()));
        signing.failures().stream().limit(10).forEach(f -> l.add("  SIGNING FAILED " + f));
        audit.problems().stream().limit(20).forEach(p -> l.add("  PROBLEM " + p));
        l.add(String.format(Locale.ROOT, "  total %.1f s", totalSeconds));
        return String.join(System.lineSeparator(), l) + System.lineSeparator();
    }

    private static double mib(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
