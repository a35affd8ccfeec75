package io.keyshard.cli;

import io.keyshard.client.Workspace;
import io.keyshard.ids.KeyIds;
import io.keyshard.vault.KeyRecord;
import io.keyshard.vault.Vault;
import io.keyshard.vault.VaultRollback;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Opens the vault for a command, and the command's one {@link Workspace} over it: home from the
 * global options, password from {@link PasswordSource#VAULT}.
 */
final class CliVault {
    private CliVault() {}

    /** The keyId of {@code --key-id} as a person typed it; the refusal never repeats what was typed. */
    static UUID keyId(String text) {
        try {
            return KeyIds.parseTyped(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "--key-id is not a keyId (a UUID like 3f2b8c1e-...; keyshard keys list shows them)");
        }
    }

    /** The vault's record of {@code id}, or the refusal every command gives for a keyId it does not hold. */
    static KeyRecord key(Workspace ws, UUID id) {
        return ws.key(id)
                .orElseThrow(() -> new IllegalArgumentException(
                        "no key with this keyId in the vault (keyshard keys list shows them)"));
    }

    /**
     * Fails with "run keyshard init" before asking for a password when there is no vault; warns on
     * stderr, with the command that restores, when the vault is older than its newest automatic backup.
     */
    static Vault open(CommandSpec spec) {
        GlobalOptions global = GlobalOptions.of(spec);
        Path home = global.home();
        Vault.requireExists(home);
        char[] password = PasswordSource.VAULT.read(global.passwordFile(), false);
        Vault vault;
        try {
            vault = Vault.open(home, password);
        } finally {
            Arrays.fill(password, '\0');
        }
        // stderr only: the command still does its work, and --json output stays one object on stdout
        VaultRollback.check(vault).ifPresent(w -> spec.commandLine().getErr().println("warning: " + w.message()));
        return vault;
    }

    /** The command's workspace with the vault under it; closing it closes the workspace, then the vault. */
    record Opened(Vault vault, Workspace workspace) implements AutoCloseable {
        @Override
        public void close() {
            try {
                workspace.close();
            } finally {
                vault.close();
            }
        }
    }

    static Opened workspace(CommandSpec spec) {
        return workspace(spec, Workspace.DEFAULT_ROUND_TIMEOUT);
    }

    /** Opens the vault and a workspace whose servers get {@code roundTimeout} per round. */
    static Opened workspace(CommandSpec spec, Duration roundTimeout) {
        Vault vault = open(spec);
        try {
            return new Opened(vault, Workspace.open(GlobalOptions.of(spec).home(), vault, roundTimeout));
        } catch (RuntimeException e) {
            vault.close();
            throw e;
        }
    }
}
