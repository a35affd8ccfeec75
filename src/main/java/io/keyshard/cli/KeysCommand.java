package io.keyshard.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keyshard.ExitCoded;
import io.keyshard.client.SigningReadiness;
import io.keyshard.ids.KeyIds;
import io.keyshard.vault.KeyRecord;
import io.keyshard.vault.KeyStatus;
import io.keyshard.vault.RecordProblem;
import io.keyshard.vault.SignatureEntry;
import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code keyshard keys list|show|check|archive|unarchive|delete}: the keys in the vault, as a table or as JSON (docs/cli.md). */
@Command(
        name = "keys",
        mixinStandardHelpOptions = true,
        description =
                "List, show or check the keys in the vault (vault password: --password-file, $KEYSHARD_PASSWORD or a prompt).",
        subcommands = {
            KeysCommand.ListKeys.class,
            KeysCommand.ShowKey.class,
            KeysCheckCommand.class,
            KeysArchiveCommands.Archive.class,
            KeysArchiveCommands.Unarchive.class,
            KeysArchiveCommands.Delete.class
        })
public final class KeysCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    /** {@code keys list [--json]}: exit 3 when some records could not be read (each named on stderr). */
    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = "List the keys (archived ones with --all): a table, or {\"keys\": [...]} with --json.")
    static final class ListKeys implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--json", description = "Print one JSON object on stdout.")
        boolean json;

        @Option(
                names = "--all",
                description = "Also list archived keys (marked 'archived'; with --json their keyIds in \"archived\").")
        boolean all;

        @Override
        public Integer call() {
            try (CliVault.Opened opened = CliVault.workspace(spec)) {
                Set<UUID> archived = opened.workspace().archivedKeys();
                List<KeyRecord> keys = opened.workspace().keys().stream()
                        .filter(k -> all || !archived.contains(k.keyId()))
                        .toList();
                PrintWriter out = spec.commandLine().getOut();
                if (!all && !archived.isEmpty()) {
                    spec.commandLine()
                            .getErr()
                            .println(archived.size() + " archived key" + (archived.size() == 1 ? " is" : "s are")
                                    + " not listed; --all lists them.");
                }
                if (json) {
                    ObjectNode list = KeyRecordJson.list(keys);
                    if (all) {
                        ArrayNode marks = list.putArray("archived");
                        archived.forEach(id -> marks.add(id.toString()));
                    }
                    out.println(KeyRecordJson.write(list));
                } else if (keys.isEmpty()) {
                    spec.commandLine().getErr().println("The vault holds no keys yet (keyshard keygen makes one).");
                } else {
                    out.printf(
                            "%-36s  %-20s  %-17s  %-5s  %-8s  %s%n",
                            "KEY ID", "LABEL", "CURVE", "T/N", "STATUS", "CREATED (UTC)");
                    for (KeyRecord k : keys) {
                        out.printf(
                                "%-36s  %-20s  %-17s  %-5s  %-8s  %s%n",
                                k.keyId(),
                                cut(k.displayLabel()),
                                k.curve().apiName(),
                                k.threshold() + "/" + k.servers().size(),
                                k.status(),
                                TIME.format(k.createdAt()) + (archived.contains(k.keyId()) ? "  archived" : ""));
                    }
                }
                out.flush();
                return warnAbout(opened.workspace().problems(), spec);
            }
        }

        private static String cut(String label) {
            return label.length() <= 20 ? label : label.substring(0, 19) + "…";
        }
    }

    /** {@code keys show ID [--json]}. */
    @Command(
            name = "show",
            mixinStandardHelpOptions = true,
            description = "Show one key: its details, whether it signs at once, and its latest signatures, or with "
                    + "--json the key record plus \"signing\" and its whole signing history under \"signatures\".")
    static final class ShowKey implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "ID", description = "The keyId (a UUID).")
        String id;

        @Option(names = "--json", description = "Print the key record as one JSON object on stdout.")
        boolean json;

        /** How many of the latest signatures the human output lists. */
        static final int SHOWN_SIGNATURES = 5;

        @Override
        public Integer call() {
            UUID keyId;
            try {
                keyId = KeyIds.parseTyped(id);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("ID is not a keyId: give the UUID shown by keyshard keys list");
            }
            try (CliVault.Opened opened = CliVault.workspace(spec)) {
                KeyRecord k = CliVault.key(opened.workspace(), keyId);
                List<SignatureEntry> signatures = opened.workspace().signatures(keyId);
                SigningReadiness signing =
                        k.status() == KeyStatus.READY ? opened.workspace().signingReadiness(keyId) : null;
                PrintWriter out = spec.commandLine().getOut();
                if (json) {
                    out.println(KeyRecordJson.write(KeyRecordJson.shown(k, signing, signatures)));
                } else {
                    out.printf("keyId:            %s%n", k.keyId());
                    out.printf("label:            %s%n", k.displayLabel());
                    out.printf(
                            "curve:            %s (%s)%n",
                            k.curve().apiName(), k.derivationScheme().id());
                    out.printf(
                            "threshold:        %d of %d%n",
                            k.threshold(), k.servers().size());
                    out.printf("servers:          %s%n", String.join(", ", k.servers()));
                    out.printf(
                            "status:           %s%s%n",
                            k.status(), k.failureReason() == null ? "" : " (" + k.failureReason() + ")");
                    if (signing != null) {
                        out.printf("signing:          %s%n", signing.sentence());
                    }
                    out.printf("created:          %s%n", k.createdAt());
                    out.printf("rootPublicKey:    %s%n", orWhyNone(k.rootPublicKey(), k.status()));
                    out.printf("chainCode:        %s%n", orWhyNone(k.chainCode(), k.status()));
                    k.verificationShares().forEach((server, share) -> out.printf("  %-15s %s%n", server + ":", share));
                    printSignatures(out, signatures);
                }
                out.flush();
                return 0;
            }
        }
    }

    /** The count and the latest {@link ShowKey#SHOWN_SIGNATURES} entries of a signing history, newest first. */
    static void printSignatures(PrintWriter out, List<SignatureEntry> signatures) {
        out.printf("signatures:       %d%n", signatures.size());
        for (int i = signatures.size() - 1; i >= Math.max(0, signatures.size() - ShowKey.SHOWN_SIGNATURES); i--) {
            SignatureEntry e = signatures.get(i);
            out.printf(
                    "  %s  %-11s  %s%s  by %s%n",
                    TIME.format(e.signedAt()),
                    e.payload().id(),
                    e.derivationPath(),
                    e.address() == null ? "" : " " + e.address(),
                    String.join(",", e.signers()));
            if (!e.description().isEmpty()) {
                out.printf("    %s%n", e.description());
            }
        }
        if (signatures.size() > ShowKey.SHOWN_SIGNATURES) {
            out.printf("  (%d older; keys show --json lists them all)%n", signatures.size() - ShowKey.SHOWN_SIGNATURES);
        }
    }

    /** A public value of the key, or why it has none: a pending key has none yet, a failed one never will. */
    static String orWhyNone(String value, KeyStatus status) {
        if (value != null) {
            return value;
        }
        return status == KeyStatus.FAILED
                ? "(none: the key was not made)"
                : "(not yet: the servers have not confirmed the key)";
    }

    /** Names every unreadable record on stderr; exit 3 if there is any. */
    static int warnAbout(List<RecordProblem> problems, CommandSpec spec) {
        for (RecordProblem p : problems) {
            spec.commandLine().getErr().println("warning: " + p.message());
        }
        return problems.isEmpty() ? 0 : ExitCoded.VAULT;
    }
}
