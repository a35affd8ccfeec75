package io.keyshard.bench;

import java.util.List;

/**
 * The shape of {@code target/bench/results.json}: one record per section, field names
 * exactly as the JSON has them.
 */
record BenchResults(
        List<Keygen> keygen,
        KeygenThroughput keygenThroughput,
        List<Derive> derive,
        List<ScalarMult> scalarMult,
        VaultTimes vault,
        Startup startup) {

    /** One keygen configuration: networked percentiles over real nodes and the in-memory floor. */
    record Keygen(
            String curve,
            int threshold,
            int servers,
            double networkedP50Ms,
            double networkedP95Ms,
            double inMemoryP50Ms,
            int samples) {}

    /** Completed keygens per second with {@code concurrency} callers against one cluster. */
    record KeygenThroughput(int concurrency, double perSecond) {}

    /** Addresses derived per second on one thread. */
    record Derive(String chain, double perSecond) {}

    /** Microseconds per k·G (secret scalar) and per k·P (public scalar). */
    record ScalarMult(String curve, double baseMicros, double arbitraryMicros) {}

    /** Unlock with production Argon2id, durable inserts per second, list() of 10,000 records. */
    record VaultTimes(double unlockMs, double insertPerSecond, double list10kMs) {}

    /** Launch of the real jar until its first window is shown. */
    record Startup(double firstWindowMs) {}
}
