package io.keyshard.cli;

import io.keyshard.address.Chain;
import io.keyshard.client.NodeConnection;
import io.keyshard.client.PayloadKind;
import io.keyshard.client.PayloadRequest;
import io.keyshard.client.PayloadResult;
import io.keyshard.client.PayloadSigning;
import io.keyshard.client.PreparedPayload;
import io.keyshard.derive.DerivationPath;
import io.keyshard.derive.Network;
import java.io.Console;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * How every payload subcommand of {@code sign} runs: decode and review with no server involved, print
 * the review to stderr, get the person's approval (a terminal prompt, {@code --yes}, or {@code --json}),
 * then sign with the key's servers and print the checked result.
 */
final class PayloadRun {
    /** {@code --yes}: the payload subcommands' approval without a prompt. */
    static final class Approval {
        @Option(
                names = {"-y", "--yes"},
                description = "Sign after printing the review, without asking (needed when there is no terminal; "
                        + "--json implies it).")
        boolean yes;
    }

    /** What a payload subcommand read from its flags. */
    record Input(PayloadKind kind, byte[] bytes, Chain defaultChain, boolean finalizePsbt) {}

    private PayloadRun() {}

    /** Runs one payload signing; {@code afterSign} handles extra output (the PSBT's --out) before printing. */
    static int run(CommandSpec spec, SignOptions options, Approval approval, Input input, ResultSink afterSign)
            throws Exception {
        UUID id = CliVault.keyId(options.keyId);
        if (options.roundTimeout < 1) {
            throw new IllegalArgumentException("--round-timeout must be at least 1 second");
        }
        Network n = options.network == null ? Network.MAINNET : Network.parse(options.network);
        Chain given = options.where.chain();
        Chain chain = given != null ? given : input.defaultChain();
        // no chain and no path flags: the kind picks (the root for a message, a Bitcoin message its address kind)
        DerivationPath path = input.kind() == PayloadKind.PSBT || (chain == null && options.where.unset())
                ? null
                : options.where.path(chain, n);
        PrintWriter err = spec.commandLine().getErr();
        try (CliVault.Opened opened = CliVault.workspace(spec, Duration.ofSeconds(options.roundTimeout))) {
            CliVault.key(opened.workspace(), id);
            PayloadSigning signing = opened.workspace().payloads();
            PreparedPayload prepared = signing.prepare(
                    new PayloadRequest(id, input.kind(), input.bytes(), chain, path, n, input.finalizePsbt()));
            err.print(prepared.review().text());
            err.flush();
            if (!options.json && !approval.yes && !confirmed(prepared, err)) {
                err.println("not signed");
                err.flush();
                return 1;
            }
            PayloadResult result;
            try {
                result = signing.sign(prepared, options.servers)
                        .onProgress(e -> SignOptions.progress(err, e))
                        .promise()
                        .join();
            } catch (CompletionException e) {
                Throwable cause = NodeConnection.unwrap(e);
                throw cause instanceof Exception ex ? ex : e;
            }
            if (result.historyProblem() != null) {
                err.println(result.historyProblem());
                err.flush();
            }
            afterSign.accept(result);
            SignOptions.printFields(spec, options.json, result.fields(true));
            return 0;
        }
    }

    /** What a subcommand does with the result before it is printed. */
    interface ResultSink {
        void accept(PayloadResult result) throws Exception;
    }

    /**
     * Asks on the terminal. Without one there is nobody to read the review, so nothing is signed unless
     * the caller already approved with {@code --yes}.
     */
    private static boolean confirmed(PreparedPayload prepared, PrintWriter err) {
        Console console = System.console();
        if (console == null) {
            throw new IllegalArgumentException("nothing was signed: there is no terminal to confirm on; read the "
                    + "review above and pass --yes to sign without asking");
        }
        int count = prepared.signatureCount();
        String answer = console.readLine(
                "Sign %s with this key's servers%s? [y/N] ",
                prepared.kind().id(), count > 1 ? " (" + count + " signatures)" : "");
        String a = answer == null ? "" : answer.strip().toLowerCase(Locale.ROOT);
        return a.equals("y") || a.equals("yes");
    }
}
