package io.keyshard.cli;

import io.keyshard.address.Chain;
import io.keyshard.address.DerivationProblem;
import io.keyshard.address.KeyPipeline;
import io.keyshard.derive.DerivationPath;
import io.keyshard.derive.Network;
import picocli.CommandLine.Option;

/** How {@code derive} and {@code sign} pick a path: {@code --chain} with {@code --account/--index}, or {@code --path}. */
final class PathOptions {
    @Option(names = "--chain", paramLabel = "CHAIN", description = "Chain whose default path and address to use.")
    String chain;

    @Option(names = "--path", paramLabel = "P", description = "Derivation path, e.g. m/44/60/0/0/5 (non-hardened).")
    String path;

    @Option(names = "--account", paramLabel = "A", description = "Account for the chain's default path (default 0).")
    Long account;

    @Option(
            names = "--index",
            paramLabel = "I",
            description = "Address index for the chain's default path (default 0).")
    Long index;

    /** Whether no path, account or index was given. */
    boolean unset() {
        return path == null && account == null && index == null;
    }

    /** The chain asked for, or null. */
    Chain chain() {
        return chain == null ? null : Chain.parse(chain);
    }

    /** The path these options give for {@code chain} on {@code network}; a problem is worded in these flags. */
    DerivationPath path(Chain chain, Network network) {
        try {
            return KeyPipeline.path(
                    chain,
                    path == null ? null : DerivationPath.parse(path),
                    DeriveFlags.level("--account", account),
                    DeriveFlags.level("--index", index),
                    network);
        } catch (DerivationProblem p) {
            throw DeriveFlags.worded(p);
        }
    }
}
