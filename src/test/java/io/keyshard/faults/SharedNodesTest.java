package io.keyshard.faults;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fixture of the fault tests that share one set of node processes ({@link NodeProcesses#shared()}):
 * each class keeps its own vault in its own home, and every test starts from three healthy nodes.
 */
abstract class SharedNodesTest {
    @TempDir
    static Path dir;

    static FaultBench bench;

    @BeforeAll
    static void openBench() throws Exception {
        bench = new FaultBench(dir.resolve("home"), NodeProcesses.shared());
    }

    @BeforeEach
    void heal() throws Exception {
        bench.nodes.heal(); // a test that failed half-way may have left BRAVO dead or frozen
    }
}
