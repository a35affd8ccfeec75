package io.keyshard.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.keyshard.address.Chain;
import io.keyshard.address.DerivationProblem;
import io.keyshard.address.KeyPipeline;
import io.keyshard.cli.CliHarness;
import io.keyshard.derive.Network;
import io.keyshard.ui.TestApps;
import io.keyshard.vault.KeyRecord;
import io.keyshard.vault.Vault;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Addresses through the workspace: what the app's pipeline shows equals {@code keyshard derive}. */
class WorkspaceDeriveTest {
    @TempDir
    Path home;

    @Test
    void derivesAReadyKeyLikeTheCliAndRefusesTheRestWithATypedProblem() throws Exception {
        List<KeyRecord> keys;
        KeyPipeline.Result evm;
        try (Vault vault = TestApps.createVault(home);
                Workspace ws = Workspace.open(home, vault)) {
            keys = TestApps.writeThreeKeys(vault);
            evm = ws.derive(keys.get(0).keyId(), Chain.EVM, Network.MAINNET, 0, 5);
            assertEquals("m/44/60/0/0/5", evm.derivationPath());
            DerivationProblem p = assertThrows(
                    DerivationProblem.class, () -> ws.derive(keys.get(0).keyId(), Chain.EVM, Network.MAINNET, 0, -1));
            assertEquals(DerivationProblem.Kind.INDEX_OUT_OF_RANGE, p.kind());
            assertThrows(
                    IllegalArgumentException.class,
                    () -> ws.derive(keys.get(1).keyId(), Chain.EVM, Network.MAINNET, 0, 0),
                    "a PENDING key has no address");
        }
        Path pw = Files.writeString(home.resolve("pw.txt"), TestApps.PASSWORD + "\n");
        var cli = CliHarness.run(
                "--home",
                home.toString(),
                "--password-file",
                pw.toString(),
                "derive",
                "--key-id",
                keys.get(0).keyId().toString(),
                "--chain",
                "evm",
                "--index",
                "5",
                "--json");
        assertEquals(0, cli.exitCode(), cli.err());
        assertEquals(true, cli.out().contains(evm.address().value()), cli.out());
    }
}
