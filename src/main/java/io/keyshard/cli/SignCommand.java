package io.keyshard.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code keyshard sign message|digest|eth-message|eth-typed|eth-tx|eth-authorization|psbt|solana-tx|btc-message|
 * tron-tx|tron-message|tron-typed}: a threshold signature by t of a key's servers (docs/cli.md, sign).
 */
@Command(
        name = "sign",
        description = "Sign with a key's servers: messages, digests, Ethereum messages, typed data, transactions and "
                + "EIP-7702 authorizations, "
                + "Bitcoin PSBTs and messages, Solana transactions, Tron transactions, messages and typed data.",
        subcommands = {
            SignCommand.Message.class,
            SignCommand.Digest.class,
            SignPayloadCommands.EthMessage.class,
            SignPayloadCommands.EthTyped.class,
            SignPayloadCommands.EthTx.class,
            SignPayloadCommands.EthAuthorization.class,
            SignPayloadCommands.PsbtSign.class,
            SignPayloadCommands.SolanaTx.class,
            SignPayloadCommands.BtcMessage.class,
            SignPayloadCommands.TronTx.class,
            SignPayloadCommands.TronMessage.class,
            SignPayloadCommands.TronTyped.class
        })
public final class SignCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    /** {@code sign message}: the message bytes themselves are signed (EdDSA has no prehash; BIP-340 signs them as given). */
    @Command(
            name = "message",
            description = {
                "Sign a message (at most 65536 bytes) with a key of the vault, for the key at a path (root: m).",
                "The signature is verified under that key (Ed25519/Ed448 per RFC 8032, BIP-340) before it is shown."
            })
    static final class Message implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        SignOptions options;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Input input;

        static final class Input {
            @Option(names = "--text", paramLabel = "T", description = "The message as text (UTF-8).")
            String text;

            @Option(names = "--hex", paramLabel = "H", description = "The message as hex.")
            String hex;

            @Option(names = "--file", paramLabel = "F", description = "The message is this file's bytes.")
            String file;
        }

        @Override
        public Integer call() throws Exception {
            byte[] message = SignInput.message(input.text, input.hex, input.file);
            return options.run(spec, message, false);
        }
    }

    /** {@code sign digest}: a digest of the curve's hash length signed as given; refused for EdDSA keys. */
    @Command(
            name = "digest",
            description = {
                "Sign a digest as given, of the length of the curve's hash: 32 bytes for SECP256K1_SCHNORR (e.g. a "
                        + "BIP-341 sighash), SECP256k1 and P256, 48 for P384, 64 for P521.",
                "EdDSA keys sign the message itself: use 'keyshard sign message'."
            })
    static final class Digest implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        SignOptions options;

        @Option(names = "--hex", required = true, paramLabel = "H", description = "The digest as hex.")
        String hex;

        @Override
        public Integer call() throws Exception {
            return options.run(spec, SignInput.hex("--hex", hex), true);
        }
    }
}
