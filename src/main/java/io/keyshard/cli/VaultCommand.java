package io.keyshard.cli;

import io.keyshard.vault.Vault;
import io.keyshard.vault.VaultBackup;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code keyshard vault export|import|passwd}: encrypted backups and password change. */
@Command(
        name = "vault",
        mixinStandardHelpOptions = true,
        description = {
            "Back up, restore and re-key the vault.",
            "Vault password: --password-file FILE, else $KEYSHARD_PASSWORD, else a prompt."
        },
        subcommands = {VaultCommand.Export.class, VaultCommand.Import.class, VaultCommand.Passwd.class})
public final class VaultCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    /** {@code vault export --out F}. */
    @Command(
            name = "export",
            mixinStandardHelpOptions = true,
            description = {
                "Write every key to an encrypted backup file (Argon2id + AES-256-GCM) with its own password.",
                "Backup password: --backup-password-file FILE, else $KEYSHARD_BACKUP_PASSWORD, else a prompt (asked twice)."
            })
    static final class Export implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(
                names = "--out",
                required = true,
                paramLabel = "FILE",
                description = "The backup file to create (never overwritten).")
        Path out;

        @Option(
                names = "--backup-password-file",
                paramLabel = "FILE",
                description = "Read the backup password from FILE's first line.")
        Path backupPasswordFile;

        @Override
        public Integer call() {
            try (CliVault.Opened opened = CliVault.workspace(spec)) {
                char[] pw = PasswordSource.BACKUP.read(backupPasswordFile, true);
                try {
                    int n = opened.workspace().exportBackup(out, pw);
                    spec.commandLine().getErr().println("Exported " + n + " key(s) to " + out);
                } finally {
                    Arrays.fill(pw, '\0');
                }
                return KeysCommand.warnAbout(opened.workspace().problems(), spec);
            }
        }
    }

    /** {@code vault import --in F}, or {@code vault import F} as scripts already write it. */
    @Command(
            name = "import",
            mixinStandardHelpOptions = true,
            description = {
                "Merge the keys of a backup file into the vault by keyId: adds the missing ones, never "
                        + "overwrites or duplicates one.",
                "The file is given with --in FILE (the counterpart of export's --out) or as the last argument.",
                "Backup password: --backup-password-file FILE, else $KEYSHARD_BACKUP_PASSWORD, else a prompt. "
                        + "An automatic backup from <home>/backups opens with the vault password it was made under."
            })
    static final class Import implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", arity = "0..1", description = "The backup file (or give it with --in).")
        Path file;

        @Option(names = "--in", paramLabel = "FILE", description = "The backup file to read.")
        Path in;

        @Option(
                names = "--backup-password-file",
                paramLabel = "FILE",
                description = "Read the backup password from FILE's first line.")
        Path backupPasswordFile;

        @Override
        public Integer call() {
            Path source = source();
            try (CliVault.Opened opened = CliVault.workspace(spec)) {
                char[] pw = PasswordSource.BACKUP.read(backupPasswordFile, false);
                try {
                    VaultBackup.ImportResult r = opened.workspace().importBackup(source, pw);
                    spec.commandLine()
                            .getErr()
                            .printf(
                                    "Imported %d key(s); %d already present; %d in conflict "
                                            + "(the vault's version kept).%n",
                                    r.added(), r.alreadyPresent(), r.conflicting());
                } finally {
                    Arrays.fill(pw, '\0');
                }
                return 0;
            }
        }

        private Path source() {
            if (file != null && in != null && !file.equals(in)) {
                throw new ParameterException(
                        spec.commandLine(), "give the backup file once: either --in FILE or FILE, " + "not both");
            }
            if (file == null && in == null) {
                throw new ParameterException(
                        spec.commandLine(), "which backup file? Write: keyshard vault import " + "--in FILE");
            }
            return in != null ? in : file;
        }
    }

    /** {@code vault passwd}. */
    @Command(
            name = "passwd",
            mixinStandardHelpOptions = true,
            description = {
                "Change the vault password (crash-safe: if interrupted, the old or the new password opens it).",
                "New password: --new-password-file FILE, else $KEYSHARD_NEW_PASSWORD, else a prompt (asked twice)."
            })
    static final class Passwd implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(
                names = "--new-password-file",
                paramLabel = "FILE",
                description = "Read the new password from FILE's first line.")
        Path newPasswordFile;

        @Override
        public Integer call() {
            GlobalOptions global = GlobalOptions.of(spec);
            Vault.requireExists(global.home());
            char[] old = PasswordSource.VAULT.read(global.passwordFile(), false);
            try (Vault vault = Vault.open(global.home(), old)) {
                char[] fresh = PasswordSource.NEW_VAULT.read(newPasswordFile, true);
                try {
                    vault.changePassword(old, fresh);
                } finally {
                    Arrays.fill(fresh, '\0');
                }
            } finally {
                Arrays.fill(old, '\0');
            }
            spec.commandLine().getErr().println("The vault password was changed.");
            return 0;
        }
    }
}
