package io.keyshard.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The short coverage-guided run in {@code mvn verify}: the node's request parsing, its sign endpoints and
 * the protocol and signing messages' decoding, fuzzed for a few seconds each with Jazzer (new inputs, not only the seeds the
 * regression tests replay). The long run is {@code mvn -Pfuzz verify -Dfuzz.minutes=N}.
 */
class FuzzBurstIT {
    private static final long SECONDS = Long.getLong("keyshard.fuzz.burst.seconds", 6);

    /**
     * C1 only and the serial GC: a child spends most of a burst starting up and instrumenting, where C2's
     * compilations cost more CPU than they save (measured: half the CPU per child, and more executions in
     * the first seconds). The long run keeps C2, which pays after half a minute.
     */
    private static final List<String> QUICK = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    @Test
    void nodeRequestsAndProtocolMessagesSurviveAShortFuzzingBurst() throws Exception {
        Path out = Files.createDirectories(Path.of("target", "fuzz-burst").toAbsolutePath());
        // Every child JVM at once: most of each one's time is Jazzer instrumenting classes at start-up.
        List<CompletableFuture<FuzzRun.Result>> runs = new ArrayList<>();
        for (String[] target : new String[][] {
            {NodeApiFuzzTest.class.getName(), "anyRequest"},
            {MessageDecodingFuzzTest.class.getName(), "wireMessages"},
            {SignFuzzTest.class.getName(), "signEndpoints"},
            {SignFuzzTest.class.getName(), "signMessages"},
            {DklsMessageFuzzTest.class.getName(), "dklsMessages"}
        }) {
            runs.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return FuzzRun.fuzz(target[0], target[1], SECONDS, out, QUICK);
                } catch (Exception e) {
                    throw new CompletionException(e);
                }
            }));
        }
        for (CompletableFuture<FuzzRun.Result> run : runs) {
            FuzzRun.Result r = run.join();
            System.out.printf(
                    "fuzz burst %s: %d executions in %d s (%d/s), corpus %d, findings %d%n",
                    r.target(), r.executions(), r.seconds(), r.perSecond(), r.corpus(), r.findings());
            assertTrue(r.executions() > 0, r.target() + " ran no input: see " + out.resolve(r.target() + ".log"));
            assertEquals(
                    0, r.findings(), r.target() + " found a failing input: see " + out.resolve(r.target() + ".log"));
            assertEquals(0, r.exit(), r.target() + " failed: see " + out.resolve(r.target() + ".log"));
        }
    }

    @Test
    void payloadReadersSurviveAShortFuzzingBurst() throws Exception {
        Path out = Files.createDirectories(Path.of("target", "fuzz-burst").toAbsolutePath());
        List<CompletableFuture<FuzzRun.Result>> runs = Stream.of(
                        new String[] {FuzzRun.PAYLOAD + "bitcoin.PsbtFuzzTest", "psbt"},
                        new String[] {FuzzRun.PAYLOAD + "evm.EvmPayloadFuzzTest", "typedData"},
                        new String[] {FuzzRun.PAYLOAD + "solana.SolanaFuzzTest", "transaction"},
                        new String[] {FuzzRun.PAYLOAD + "tron.TronFuzzTest", "transaction"})
                .map(t -> CompletableFuture.supplyAsync(() -> {
                    try {
                        return FuzzRun.fuzz(t[0], t[1], SECONDS, out, QUICK);
                    } catch (Exception e) {
                        throw new CompletionException(e);
                    }
                }))
                .toList();
        for (FuzzRun.Result r : runs.stream().map(CompletableFuture::join).toList()) {
            System.out.printf("fuzz burst %s: %d executions, findings %d%n", r.target(), r.executions(), r.findings());
            assertTrue(
                    r.executions() > 0 && r.findings() == 0 && r.exit() == 0,
                    "see " + out.resolve(r.target() + ".log"));
        }
    }
}
