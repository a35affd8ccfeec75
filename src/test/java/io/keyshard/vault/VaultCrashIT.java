package io.keyshard.vault;

import static io.keyshard.vault.VaultFixtures.LIGHT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.testing.ClassArchive;
import io.keyshard.testing.QuickJvm;
import io.keyshard.vault.VaultException.Reason;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills child JVMs (SIGKILL via destroyForcibly, or a halt at a named step) while they write the
 * vault, and checks nothing acknowledged is lost. {@code -Dkeyshard.crash.iterations=N} raises the
 * number of random kills (default 60) for a stress run.
 */
class VaultCrashIT {
    private static final Pattern UUID_LINE =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final String PW = "crash test password";
    private static final String NEW_PW = "the new crash password";
    private static final List<String> BEFORE_COMMIT = List.of("passwd-next-db-written", "passwd-next-header-written");
    private static final List<String> AFTER_COMMIT =
            List.of("passwd-journal-written", "passwd-db-replaced", "passwd-header-replaced", "passwd-done");

    @TempDir
    Path tmp;

    @Test
    void everyAcknowledgedKeyIdSurvivesRandomKills() throws Exception {
        int iterations = Integer.getInteger("keyshard.crash.iterations", 60);
        // two vaults killed side by side: child start-up is mostly waiting, so this halves the wall time
        int lanes = 2;
        ExecutorService pool = Executors.newFixedThreadPool(lanes);
        try {
            List<Future<int[]>> results = new ArrayList<>();
            for (int lane = 0; lane < lanes; lane++) {
                Path home = tmp.resolve("lane-" + lane);
                int kills = iterations / lanes + (lane < iterations % lanes ? 1 : 0);
                results.add(pool.submit(() -> killWhileWriting(home, kills)));
            }
            int acknowledged = 0;
            int whileWriting = 0;
            for (Future<int[]> f : results) {
                acknowledged += f.get()[0];
                whileWriting += f.get()[1];
            }
            System.out.printf(
                    "VaultCrashIT: %d kills (%d while writing), %d acknowledged keyIds all present%n",
                    iterations, whileWriting, acknowledged);
            assertTrue(acknowledged > iterations / 2, "the children did write");
        } finally {
            pool.shutdownNow();
        }
    }

    /** Starts and SIGKILLs a writing child {@code kills} times; returns {acknowledged keyIds, kills while writing}. */
    private static int[] killWhileWriting(Path home, int kills) throws Exception {
        Vault.create(home, PW.toCharArray(), LIGHT).close();
        Random random = new Random();
        Set<UUID> acknowledged = new HashSet<>();
        int killedWhileWriting = 0;
        for (int i = 0; i < kills; i++) {
            Child child = Child.start(List.of(), "write", home.toString(), PW);
            if (random.nextInt(10) != 0 && child.awaitKeyId(20_000)) {
                Thread.sleep(random.nextInt(100)); // mid-way through some later write
                killedWhileWriting++;
            } else {
                Thread.sleep(random.nextInt(700)); // somewhere in start-up, recovery, unlocking or a write
            }
            child.kill();
            acknowledged.addAll(child.keyIds());
            if (i % 20 == 19 || i == kills - 1) {
                // the next child reopens the vault anyway; the parent checks every 20 kills and at the end
                try (Vault v = Vault.open(home, PW.toCharArray())) {
                    Set<UUID> present = v.list().stream().map(KeyRecord::keyId).collect(Collectors.toSet());
                    assertTrue(v.problems().isEmpty(), v.problems().toString());
                    for (UUID id : acknowledged) {
                        assertTrue(present.contains(id), "an acknowledged keyId was lost by kill " + (i + 1));
                    }
                }
            }
        }
        return new int[] {acknowledged.size(), killedWhileWriting};
    }

    @Test
    void aPasswordChangeHaltedAtEveryStepLeavesExactlyOnePasswordWorking() throws Exception {
        List<String> steps = new ArrayList<>(BEFORE_COMMIT);
        steps.addAll(AFTER_COMMIT);
        for (String step : steps) {
            Path home = tmp.resolve(step);
            Set<UUID> ids = vaultWithRecords(home, 5);
            Child child = Child.start(
                    List.of("-D" + CrashPoint.PROPERTY + "=" + step), "passwd", home.toString(), PW, NEW_PW);
            assertEquals(86, child.waitFor(), "the child halted at " + step);
            String expected = AFTER_COMMIT.contains(step) ? NEW_PW : PW;
            assertExactlyOneOpens(home, expected, ids, step);
        }
    }

    @Test
    void aPasswordChangeKilledAtRandomMomentsLeavesExactlyOnePasswordWorking() throws Exception {
        Path probe = tmp.resolve("probe");
        vaultWithRecords(probe, 3);
        Child timing = Child.start(List.of(), "passwd", probe.toString(), PW, NEW_PW);
        assertEquals(0, timing.waitFor());
        long changeMillis = timing.all.stream()
                .filter(l -> l.startsWith("changed in "))
                .mapToLong(l -> Long.parseLong(l.substring("changed in ".length())))
                .findFirst()
                .orElseThrow();
        Random random = new Random();
        int newWins = 0;
        for (int i = 0; i < 12; i++) {
            Path home = tmp.resolve("random-" + i);
            Set<UUID> ids = vaultWithRecords(home, 3);
            Child child = Child.start(List.of(), "passwd", home.toString(), PW, NEW_PW);
            child.awaitLine("open", 20_000);
            Thread.sleep(random.nextInt((int) Math.max(1, changeMillis * 3 / 2))); // anywhere in the change
            child.kill();
            boolean oldOpens = opens(home, PW);
            newWins += oldOpens ? 0 : 1;
            assertExactlyOneOpens(home, oldOpens ? PW : NEW_PW, ids, "random kill " + i);
        }
        System.out.printf(
                "VaultCrashIT: 12 password changes killed at random in ~%d ms; the new password won in %d%n",
                changeMillis, newWins);
    }

    @Test
    void aSecondProcessIsToldTheVaultIsInUse() throws Exception {
        Path home = tmp.resolve("held");
        Vault.create(home, PW.toCharArray(), LIGHT).close();
        Child child = Child.start(List.of(), "hold", home.toString(), PW);
        assertTrue(child.awaitLine("open", 20_000));
        VaultException e = assertThrows(VaultException.class, () -> Vault.open(home, PW.toCharArray()));
        assertEquals(Reason.IN_USE, e.reason());
        assertEquals(3, e.exitCode());
        child.kill();
        Vault.open(home, PW.toCharArray()).close(); // the OS released the dead process's lock
    }

    private static Set<UUID> vaultWithRecords(Path home, int n) {
        Set<UUID> ids = new HashSet<>();
        try (Vault v = Vault.create(home, PW.toCharArray(), LIGHT)) {
            for (int i = 0; i < n; i++) {
                KeyRecord r = VaultFixtures.pending("p" + i);
                v.createPending(r);
                ids.add(r.keyId());
            }
        }
        return ids;
    }

    private static void assertExactlyOneOpens(Path home, String expected, Set<UUID> ids, String when) {
        String other = expected.equals(PW) ? NEW_PW : PW;
        VaultException e = assertThrows(VaultException.class, () -> Vault.open(home, other.toCharArray()), when);
        assertEquals(Reason.WRONG_PASSWORD, e.reason(), when);
        try (Vault v = Vault.open(home, expected.toCharArray())) {
            assertEquals(ids, v.list().stream().map(KeyRecord::keyId).collect(Collectors.toSet()), when);
            assertTrue(v.problems().isEmpty(), when);
        }
        assertNotEquals(opens(home, expected), opens(home, other), when);
    }

    private static boolean opens(Path home, String password) {
        try (Vault v = Vault.open(home, password.toCharArray())) {
            return true;
        } catch (VaultException e) {
            return false;
        }
    }

    /** A child JVM running {@link VaultCrashChild}, its stdout collected line by line. */
    private static final class Child {
        private static ClassArchive archive;
        final Process process;
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        final List<String> all = new ArrayList<>();
        final Thread reader;

        private Child(Process process) {
            this.process = process;
            this.reader = new Thread(() -> {
                try (BufferedReader r =
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) {
                        lines.add(line);
                        synchronized (all) {
                            all.add(line);
                        }
                    }
                } catch (IOException e) {
                    // the process died mid-line: what was read is kept
                }
            });
            reader.start();
        }

        static Child start(List<String> jvmOptions, String... args) throws IOException {
            List<String> options = new ArrayList<>(QuickJvm.OPTIONS);
            options.add("-Xss512k");
            options.addAll(jvmOptions);
            List<String> cmd = archive().command(options);
            cmd.add(VaultCrashChild.class.getName());
            cmd.addAll(List.of(args));
            return new Child(new ProcessBuilder(cmd)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start());
        }

        /** Made once per test JVM by one password change on a scratch vault (it loads what every child loads). */
        private static synchronized ClassArchive archive() throws IOException {
            if (archive == null) {
                Path dir = Files.createTempDirectory("vault-crash-classes");
                Path scratch = dir.resolve("training-vault");
                vaultWithRecords(scratch, 3);
                List<String> options = new ArrayList<>(QuickJvm.OPTIONS);
                options.add("-Xss512k");
                try {
                    archive = ClassArchive.train(
                            dir,
                            options,
                            List.of(VaultCrashChild.class.getName(), "passwd", scratch.toString(), PW, NEW_PW));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while making the class archive", e);
                }
            }
            return archive;
        }

        boolean awaitLine(String wanted, long millis) throws InterruptedException {
            return await(wanted::equals, millis);
        }

        boolean awaitKeyId(long millis) throws InterruptedException {
            return await(l -> UUID_LINE.matcher(l).matches(), millis);
        }

        private boolean await(Predicate<String> wanted, long millis) throws InterruptedException {
            long end = System.currentTimeMillis() + millis;
            while (System.currentTimeMillis() < end) {
                String line = lines.poll(50, TimeUnit.MILLISECONDS);
                if (line != null && wanted.test(line)) {
                    return true;
                }
                if (line == null && !process.isAlive() && lines.isEmpty()) {
                    return false;
                }
            }
            return false;
        }

        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor();
            reader.join();
        }

        int waitFor() throws InterruptedException {
            int code = process.waitFor();
            reader.join();
            return code;
        }

        /** Every complete keyId the child printed (a line cut by the kill does not count). */
        Set<UUID> keyIds() {
            synchronized (all) {
                return all.stream()
                        .filter(l -> UUID_LINE.matcher(l).matches())
                        .map(UUID::fromString)
                        .collect(Collectors.toSet());
            }
        }
    }
}
