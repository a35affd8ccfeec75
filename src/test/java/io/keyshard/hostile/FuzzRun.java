package io.keyshard.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The fuzz command ({@code mvn -Pfuzz verify -Dfuzz.minutes=N}): fuzzes every target for its share
 * of N minutes, one child JVM each, and prints a table of executions, executions per second,
 * corpus size and findings (also written to target/fuzz/results.txt). A finding fails the run; its
 * input is left in target/fuzz/&lt;target&gt;/ to move into the target's Inputs folder as a regression seed.
 */
class FuzzRun {
    /** The package of the payload readers' targets (what users ask to sign). */
    static final String PAYLOAD = "io.keyshard.payload.";

    /** Every fuzz target: class and method. */
    static final List<String[]> TARGETS = List.of(
            new String[] {NodeApiFuzzTest.class.getName(), "anyRequest"},
            new String[] {NodeApiFuzzTest.class.getName(), "anyPath"},
            new String[] {PAYLOAD + "bitcoin.PsbtFuzzTest", "psbt"},
            new String[] {PAYLOAD + "bitcoin.PsbtFuzzTest", "descriptor"},
            new String[] {PAYLOAD + "bitcoin.PsbtFuzzTest", "messageSignature"},
            new String[] {PAYLOAD + "evm.EvmPayloadFuzzTest", "transactionJson"},
            new String[] {PAYLOAD + "evm.EvmPayloadFuzzTest", "rawTransaction"},
            new String[] {PAYLOAD + "evm.EvmPayloadFuzzTest", "unsignedTransaction"},
            new String[] {PAYLOAD + "evm.EvmPayloadFuzzTest", "typedData"},
            new String[] {PAYLOAD + "evm.EvmPayloadFuzzTest", "personalSign"},
            new String[] {PAYLOAD + "evm.EvmPayloadFuzzTest", "callData"},
            new String[] {PAYLOAD + "evm.EvmPayloadFuzzTest", "routerCall"},
            new String[] {PAYLOAD + "evm.EvmPayloadFuzzTest", "authorization"},
            new String[] {PAYLOAD + "solana.SolanaFuzzTest", "transaction"},
            new String[] {PAYLOAD + "tron.TronFuzzTest", "transaction"},
            new String[] {PAYLOAD + "tron.TronFuzzTest", "typedData"},
            new String[] {MessageDecodingFuzzTest.class.getName(), "wireMessages"},
            new String[] {MessageDecodingFuzzTest.class.getName(), "pointsAndScalars"},
            new String[] {MaliciousPeerFuzzTest.class.getName(), "peerRoundOne"},
            new String[] {MaliciousPeerFuzzTest.class.getName(), "peerRoundTwo"},
            new String[] {"io.keyshard.client.HttpAnswerFuzzTest", "answers"},
            new String[] {"io.keyshard.client.HttpAnswerFuzzTest", "relayedAnswers"},
            new String[] {SignFuzzTest.class.getName(), "signMessages"},
            new String[] {SignFuzzTest.class.getName(), "signEndpoints"},
            new String[] {DklsMessageFuzzTest.class.getName(), "dklsMessages"},
            new String[] {EcdsaSetupFuzzTest.class.getName(), "setupEndpoints"},
            new String[] {EcdsaSignFuzzTest.class.getName(), "signEndpoints"});

    private static final Pattern DONE = Pattern.compile("Done (\\d+) runs in (\\d+) second");
    private static final Pattern EXECUTED = Pattern.compile("stat::number_of_executed_units: (\\d+)");
    private static final Pattern RATE = Pattern.compile("stat::average_exec_per_sec: (\\d+)");

    record Result(String target, long executions, long seconds, long perSecond, long corpus, long findings, int exit) {}

    @Test
    void fuzzEveryTarget() throws Exception {
        double minutes = Double.parseDouble(System.getProperty("fuzz.minutes", "6"));
        long seconds = Math.max(5, Math.round(minutes * 60 / TARGETS.size()));
        Path out = Path.of(System.getProperty("fuzz.out", "target/fuzz")).toAbsolutePath();
        Files.createDirectories(out);
        List<Result> results = new ArrayList<>();
        for (String[] t : TARGETS) {
            results.add(fuzz(t[0], t[1], seconds, out, List.of()));
        }
        String table = table(results, minutes);
        System.out.println(table);
        Files.writeString(out.resolve("results.txt"), table);
        for (Result r : results) {
            assertTrue(r.executions() > 0, r.target() + " ran no input: see target/fuzz/" + r.target() + ".log");
            assertEquals(0, r.findings(), r.target() + " has findings: see target/fuzz/" + r.target() + ".log");
            assertEquals(0, r.exit(), r.target() + " failed: see target/fuzz/" + r.target() + ".log");
        }
    }

    /** Fuzzes one target for {@code seconds} in a child JVM started with {@code jvmOptions} (before {@code -cp}). */
    static Result fuzz(String className, String method, long seconds, Path out, List<String> jvmOptions)
            throws Exception {
        String name = className.substring(className.lastIndexOf('.') + 1) + "." + method;
        Path work = out.resolve(name);
        Files.createDirectories(work);
        Path log = out.resolve(name + ".log");
        List<String> cmd = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g"));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of(
                "-cp",
                System.getProperty("java.class.path"),
                FuzzChild.class.getName(),
                className,
                method,
                Long.toString(seconds),
                work.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().put("JAZZER_FUZZ", "1");
        Process p = pb.start();
        if (!p.waitFor(seconds + 300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(name + " did not stop: a hang (see " + log + ")");
        }
        String text = Files.readString(log, StandardCharsets.UTF_8);
        long runs = last(EXECUTED, text, last(DONE, text, 0));
        long secs = lastGroup(DONE, text, 2, seconds);
        long rate = last(RATE, text, secs == 0 ? 0 : runs / secs);
        return new Result(
                name, runs, secs, rate, countFiles(work.resolve(".cifuzz-corpus")), findings(work), p.exitValue());
    }

    private static long last(Pattern p, String text, long otherwise) {
        return lastGroup(p, text, 1, otherwise);
    }

    private static long lastGroup(Pattern p, String text, int group, long otherwise) {
        Matcher m = p.matcher(text);
        long v = otherwise;
        while (m.find()) {
            v = Long.parseLong(m.group(group));
        }
        return v;
    }

    private static long countFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).count();
        }
    }

    /** libFuzzer names each finding crash-, timeout-, leak- or oom- followed by its hash. */
    private static long findings(Path work) throws IOException {
        try (Stream<Path> s = Files.walk(work)) {
            return s.filter(Files::isRegularFile)
                    .map(f -> f.getFileName().toString())
                    .filter(n -> n.matches("(crash|timeout|leak|oom|slow-unit)-[0-9a-f]+"))
                    .count();
        }
    }

    private static String table(List<Result> results, double minutes) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("Fuzzing, %.1f min in all (%s)%n", minutes, loadAverage()));
        sb.append(String.format(
                "%-40s %12s %8s %8s %8s %9s%n", "target", "executions", "seconds", "exec/s", "corpus", "findings"));
        long total = 0;
        for (Result r : results) {
            total += r.executions();
            sb.append(String.format(
                    "%-40s %12d %8d %8d %8d %9d%n",
                    r.target(), r.executions(), r.seconds(), r.perSecond(), r.corpus(), r.findings()));
        }
        sb.append(String.format("%-40s %12d%n", "all targets", total));
        return sb.toString();
    }

    private static String loadAverage() {
        try {
            return "load average " + Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "load average unknown";
        }
    }
}
