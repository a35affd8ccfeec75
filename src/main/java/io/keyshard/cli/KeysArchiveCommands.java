package io.keyshard.cli;

import io.keyshard.client.Workspace;
import io.keyshard.ids.KeyIds;
import io.keyshard.vault.KeyRecord;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code keys archive|unarchive|delete ID}: hide a key from {@code keys list}, bring it back, or remove its keyId. */
final class KeysArchiveCommands {
    private KeysArchiveCommands() {}

    /** A command that changes one key named by its keyId and says what it did on stderr. */
    private abstract static class OneKey implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "ID", description = "The keyId (a UUID).")
        String id;

        /** Changes the key; returns what to tell the user. */
        abstract String apply(Workspace ws, KeyRecord key);

        @Override
        public Integer call() {
            try (CliVault.Opened opened = CliVault.workspace(spec)) {
                KeyRecord k = existing(opened.workspace(), parse(id));
                spec.commandLine().getErr().println(apply(opened.workspace(), k));
                return 0;
            }
        }
    }

    /** {@code keys archive ID}. */
    @Command(
            name = "archive",
            mixinStandardHelpOptions = true,
            description = "Hide a key from 'keys list' and the app's Keys list; the vault keeps it and its keyId.")
    static final class Archive extends OneKey {
        @Override
        String apply(Workspace ws, KeyRecord key) {
            ws.archive(key.keyId());
            return "Archived " + key.displayLabel() + " ('keys list --all' still lists it).";
        }
    }

    /** {@code keys unarchive ID}. */
    @Command(
            name = "unarchive",
            mixinStandardHelpOptions = true,
            description = "Bring an archived key back into 'keys list' and the app's Keys list.")
    static final class Unarchive extends OneKey {
        @Override
        String apply(Workspace ws, KeyRecord key) {
            ws.unarchive(key.keyId());
            return key.displayLabel() + " is listed again.";
        }
    }

    /** {@code keys delete ID --yes}. */
    @Command(
            name = "delete",
            mixinStandardHelpOptions = true,
            description = {
                "Remove a key's keyId from the vault. The shares stay on the servers, but without the keyId",
                "(or a backup that holds it) nobody can use them again: run 'vault export' first."
            })
    static final class Delete implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "ID", description = "The keyId (a UUID).")
        String id;

        @Option(names = "--yes", description = "Confirm the deletion (required).")
        boolean yes;

        @Override
        public Integer call() {
            UUID keyId = parse(id);
            if (!yes) {
                throw new IllegalArgumentException(
                        "nothing was deleted: deleting removes the keyId from the vault, and "
                                + "without it (or a backup that holds it) the shares on the servers cannot be used again; "
                                + "run 'keyshard vault export' first, then repeat with --yes");
            }
            try (CliVault.Opened opened = CliVault.workspace(spec)) {
                KeyRecord k = existing(opened.workspace(), keyId);
                opened.workspace().delete(k.keyId());
                spec.commandLine()
                        .getErr()
                        .println("Deleted " + k.displayLabel()
                                + " from the vault; 'keyshard vault import' of a backup that holds it brings it back.");
                return 0;
            }
        }
    }

    static UUID parse(String id) {
        try {
            return KeyIds.parseTyped(id);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("ID is not a keyId: give the UUID shown by keyshard keys list");
        }
    }

    private static KeyRecord existing(Workspace ws, UUID keyId) {
        return ws.key(keyId)
                .orElseThrow(() -> new IllegalArgumentException(
                        "no key with this keyId in the vault (keyshard keys list --all shows them)"));
    }
}
