package io.keyshard.bench;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The human-readable table of a benchmark run, each section next to its target. */
final class BenchTable {
    private final StringBuilder text = new StringBuilder();
    private final long started = System.nanoTime();
    private final Map<BenchResults.Sign, String> signLoads = new IdentityHashMap<>();

    BenchTable(boolean quick) {
        line("Keyshard benchmarks (%s run)", quick ? "quick" : "full");
    }

    void note(String note) {
        line("%s", note);
    }

    /** A line on stderr while the long sections run, so a watcher sees it move. */
    void progress(String done) {
        System.err.printf(
                Locale.ROOT,
                "[bench] %6.1f s  done: %s (load %s)%n",
                (System.nanoTime() - started) / 1e9,
                done,
                Samples.loadAverage());
    }

    void scalarMult(List<BenchResults.ScalarMult> rows) {
        section("scalar multiplication, thread-CPU microseconds per operation (median of 5 batches)");
        line("%-18s %12s %12s", "curve", "k*G us", "k*P us");
        rows.forEach(r -> line("%-18s %12.1f %12.1f", r.curve(), r.baseMicros(), r.arbitraryMicros()));
        progress("scalarMult");
    }

    void derive(List<DeriveBench.Rates> rows) {
        section("derivation, addresses per second on one thread (per CPU second of the thread)");
        line("%-18s %12s %12s %12s   %s", "chain", "full path", "cold path", "index step", "target");
        rows.forEach(r -> line(
                "%-18s %12.0f %12.0f %12.0f   %s",
                r.chain(),
                r.fullPathPerSecond(),
                r.coldPathPerSecond(),
                r.indexStepPerSecond(),
                r.chain().equals("evm") ? ">= 5000" : ""));
        line("full path: the chain's default path from the root key for index 0, 1, 2, ..., then the address and");
        line("  the xpub, like keyshard derive and the pipeline (results.json perSecond; the account levels come");
        line("  from derive's cache of recent children after the first index);");
        line("cold path: the same with a new chain code each time, so every level is computed;");
        line("index step: the last step from a parent the caller holds, then the address (scanning one account).");
        progress("derive");
    }

    void vault(BenchResults.VaultTimes v, double firstUnlockMs) {
        section("vault (production Argon2id: 64 MiB, 3 passes)");
        line("%-34s %10.1f   %s", "unlock (open + close) ms, warm", v.unlockMs(), "<= 1500");
        line("%-34s %10.1f   %s", "first unlock after create ms", firstUnlockMs, "(JIT still cold, like a fresh app)");
        line("%-34s %10.1f   %s", "durable inserts per second", v.insertPerSecond(), "");
        line("%-34s %10.1f   %s", "list() of 10,000 records ms", v.list10kMs(), "<= 300");
        progress("vault");
    }

    void keygen(List<BenchResults.Keygen> rows) {
        section("keygen, wall ms: networked = Workspace -> node processes on loopback HTTPS (warm), "
                + "vault PENDING -> READY, commit; in-memory = same protocol, one process (the floor)");
        line(
                "%-18s %6s %9s %9s %9s %7s %7s   %s",
                "curve", "t-of-n", "net p50", "net p95", "mem p50", "x floor", "samples", "target (p50)");
        for (BenchResults.Keygen r : rows) {
            String target = r.servers() != 3
                    ? ""
                    : r.threshold() != 2 ? "" : r.curve().equals("SECP256k1") ? "<= 15 ms, <= 3x floor" : "<= 60 ms";
            line(
                    "%-18s %6s %9.1f %9.1f %9.1f %7.1f %7d   %s",
                    r.curve(),
                    r.threshold() + "-of-" + r.servers(),
                    r.networkedP50Ms(),
                    r.networkedP95Ms(),
                    r.inMemoryP50Ms(),
                    r.networkedP50Ms() / r.inMemoryP50Ms(),
                    r.samples(),
                    target);
        }
    }

    void throughput(BenchResults.KeygenThroughput t) {
        section("keygen throughput, SECP256k1 2-of-3, one local cluster");
        line("%d concurrent callers: %.1f keygens per second   (target >= 50)", t.concurrency(), t.perSecond());
    }

    /** Remembers the load average right after a sign row was measured, for its line in the table. */
    void signLoad(BenchResults.Sign row) {
        signLoads.put(row, Samples.loadAverage().split(" ")[0]);
    }

    void sign(List<BenchResults.Sign> rows) {
        section("sign, wall ms: networked = Workspace.sign -> node processes on loopback HTTPS (warm), 32-byte "
                + "message, path m/0/7, signature verified; in-memory = same rounds (FROST, or DKLs23 for the "
                + "ECDSA curves), tweaks and verifier, one process; KB/sig = bytes on the wire per ECDSA signature");
        line(
                "%-18s %6s %9s %9s %9s %7s %7s %6s %7s   %s",
                "curve",
                "t-of-n",
                "net p50",
                "net p95",
                "mem p50",
                "x floor",
                "samples",
                "load",
                "KB/sig",
                "target (p50)");
        for (BenchResults.Sign r : rows) {
            String target = r.servers() != 3 || r.threshold() != 2 ? "" : target(r.curve());
            line(
                    "%-18s %6s %9.1f %9.1f %9.2f %7.1f %7d %6s %7s   %s",
                    r.curve(),
                    r.threshold() + "-of-" + r.servers(),
                    r.networkedP50Ms(),
                    r.networkedP95Ms(),
                    r.inMemoryP50Ms(),
                    r.networkedP50Ms() / r.inMemoryP50Ms(),
                    r.samples(),
                    signLoads.getOrDefault(r, ""),
                    r.bytesPerSignature() == null ? "" : String.valueOf(Math.round(r.bytesPerSignature() / 1000.0)),
                    target);
        }
    }

    private static String target(String curve) {
        return switch (curve) {
            case "ED448" -> "<= 15 ms";
            case "SECP256k1", "P256" -> "<= 30 ms, <= 3x floor";
            case "P384" -> "<= 60 ms";
            case "P521" -> "<= 120 ms";
            default -> "<= 8 ms, <= 2.5x floor";
        };
    }

    void signThroughput(List<BenchResults.SignThroughput> rows) {
        section("sign throughput, 2-of-3, one local cluster, callers signing one after another");
        for (BenchResults.SignThroughput t : rows) {
            line(
                    "%-18s %d callers: %7.1f signatures per second   %s",
                    t.curve(),
                    t.concurrency(),
                    t.perSecond(),
                    t.curve().equals("ED25519")
                            ? "(target >= 300)"
                            : t.curve().equals("SECP256k1") ? "(target >= 60)" : "");
        }
    }

    void ecdsaSetup(List<BenchResults.EcdsaSetup> rows, List<Double> floors) {
        section(
                "ecdsaSetup, wall ms: networked = a fresh pairwise setup of a READY key's servers over node processes on "
                        + "loopback HTTPS, all three steps and the check that every server holds it; in-memory = the same "
                        + "SetupParty steps, one process; reuse = a further key on servers whose pairs exist, from its key "
                        + "generation's end until it signs at once (the status check, no setup step)");
        line(
                "%-18s %6s %9s %9s %9s %10s   %s",
                "curve", "t-of-n", "net p50", "mem p50", "reuse p50", "bytes", "target (p50)");
        for (int i = 0; i < rows.size(); i++) {
            BenchResults.EcdsaSetup r = rows.get(i);
            line(
                    "%-18s %6s %9.1f %9.1f %9.1f %10d   %s",
                    r.curve(),
                    r.threshold() + "-of-" + r.servers(),
                    r.p50Ms(),
                    floors.get(i),
                    r.reuseP50Ms(),
                    r.bytes(),
                    r.threshold() == 2 && r.servers() == 3 ? "<= 500 ms" : "");
        }
    }

    void startup(StartupBench.Result s) {
        section("startup: launch of target/keyshard.jar until the first window is shown, " + s.platform());
        line("first window ms: %.0f   (target <= 2500)", s.firstWindowMs());
        progress("startup");
    }

    String render() {
        return text.toString();
    }

    private void section(String title) {
        text.append('\n');
        line("== %s", title);
    }

    private void line(String format, Object... args) {
        text.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
