package io.keyshard.cli;

import io.keyshard.vault.Vault;
import java.nio.file.Path;
import java.util.Arrays;
import picocli.CommandLine.Model.CommandSpec;

/** Opens the vault for a command: home from the global options, password from {@link PasswordSource#VAULT}. */
final class CliVault {
    private CliVault() {
    }

    /** Fails with "run keyshard init" before asking for a password when there is no vault. */
    static Vault open(CommandSpec spec) {
        GlobalOptions global = GlobalOptions.of(spec);
        Path home = global.home();
        Vault.requireExists(home);
        char[] password = PasswordSource.VAULT.read(global.passwordFile(), false);
        try {
            return Vault.open(home, password);
        } finally {
            Arrays.fill(password, '\0');
        }
    }
}
