package io.keyshard.cli;

import io.keyshard.vault.Vault;
import io.keyshard.vault.VaultException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code keyshard init}: creates the encrypted vault; refuses (exit 2, nothing changed) if one exists. */
@Command(
        name = "init",
        mixinStandardHelpOptions = true,
        description = {
            "Create the encrypted vault in <home>/vault.",
            "The password comes from --password-file FILE, else $KEYSHARD_PASSWORD, else a prompt (asked twice); "
                    + "at least 10 characters and not easy to guess. Over an existing vault it refuses (exit 2) and changes nothing."
        })
public final class InitCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        GlobalOptions global = GlobalOptions.of(spec);
        Path home = global.home();
        if (Vault.exists(home)) {
            throw new VaultException(
                    VaultException.Reason.ALREADY_EXISTS,
                    "a vault already exists in "
                            + home.resolve("vault") + "; nothing was changed (use another --home, or "
                            + "'keyshard vault passwd' to change its password)");
        }
        char[] password = PasswordSource.VAULT.read(global.passwordFile(), true);
        try {
            Vault.create(home, password).close();
        } finally {
            Arrays.fill(password, '\0');
        }
        spec.commandLine()
                .getErr()
                .println("Created the vault in " + home.resolve("vault")
                        + ". Keep the password safe: without it the keyIds cannot be read.");
        return 0;
    }
}
