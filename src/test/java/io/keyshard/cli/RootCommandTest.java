package io.keyshard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RootCommandTest {

    @Test
    void versionPrintsNameAndVersion() {
        CliHarness.Result r = CliHarness.run("--version");
        assertEquals(0, r.exitCode());
        assertTrue(r.out().trim().matches("keyshard \\d+\\.\\d+\\.\\d+.*"), r.out());
    }

    @Test
    void unknownCommandIsAUsageErrorWithExitTwo() {
        CliHarness.Result r = CliHarness.run("no-such-command");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("no-such-command"), r.err());
    }
}
