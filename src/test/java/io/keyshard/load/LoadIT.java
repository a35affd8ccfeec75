package io.keyshard.load;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The short load in {@code mvn verify}: 20 keygens in a row, then 8 clients for 10 s, against one
 * local cluster of three node processes, every key audited on every server. The full run is
 * {@code mvn -Pload verify} ({@link LoadRun}); figures are in docs/RELIABILITY.md.
 */
class LoadIT {
    @TempDir
    Path work;

    @Test
    void shortLoadLosesNothingFailsNothingAndLeavesNoSession() throws Exception {
        LoadResults r = LoadDriver.run(
                new LoadDriver.Settings(20, Duration.ofSeconds(10), 8, 5, false, false),
                work,
                Path.of("target", "load-short"));
        LoadChecks.assertHeld(r);
    }
}
