package io.keyshard.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
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
        Startup startup,
        List<Sign> sign,
        List<SignThroughput> signThroughput,
        List<EcdsaSetup> ecdsaSetup) {

    /** The results of a run that measured only the given sections; the others are null in the JSON. */
    static BenchResults signOnly(List<Sign> sign, List<SignThroughput> throughput) {
        return new BenchResults(null, null, null, null, null, null, sign, throughput, null);
    }

    /** The results of a run that measured only the ECDSA pairwise setup. */
    static BenchResults setupOnly(List<EcdsaSetup> ecdsaSetup) {
        return new BenchResults(null, null, null, null, null, null, null, null, ecdsaSetup);
    }

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

    /**
     * One signing configuration: networked percentiles through the workspace and the in-memory floor;
     * {@code bytesPerSignature} only on the rows of threshold-ECDSA curves (absent from the JSON otherwise).
     */
    record Sign(
            String curve,
            int threshold,
            int servers,
            double networkedP50Ms,
            double networkedP95Ms,
            double inMemoryP50Ms,
            int samples,
            @JsonInclude(JsonInclude.Include.NON_NULL) Integer bytesPerSignature) {}

    /** Signatures completed per second with {@code concurrency} callers against one cluster. */
    record SignThroughput(String curve, int concurrency, double perSecond) {}

    /** The one-time setup a threshold-ECDSA key needs before it signs: wall ms and bytes exchanged. */
    /**
     * One setup configuration: {@code p50Ms} a fresh setup of every pair of the key's servers; {@code reuseP50Ms} a
     * further key on servers whose pairs exist, from its key generation's end until it signs at once (the status
     * check, no setup step).
     */
    record EcdsaSetup(String curve, int threshold, int servers, double p50Ms, double reuseP50Ms, long bytes) {}

    /** Launch of the real jar until its first window is shown. */
    record Startup(double firstWindowMs) {}
}
