package io.keyshard.cli;

import io.keyshard.address.Chain;
import io.keyshard.client.PartlySignedException;
import io.keyshard.client.PayloadKind;
import io.keyshard.client.PayloadResult;
import io.keyshard.payload.bitcoin.Psbt;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code keyshard sign eth-message|eth-typed|eth-tx|eth-authorization|psbt|solana-tx|btc-message|tron-tx|
 * tron-message|tron-typed}
 * (docs/cli.md, sign): what wallets and chain tools produce, reviewed on stderr before anything is sent, signed by
 * t of the key's servers and checked the way the chain checks it.
 */
final class SignPayloadCommands {
    private static final String REVIEW = "The review is printed to stderr first; on a terminal it asks before "
            + "signing (--yes, or --json, signs without asking). Nothing is sent to a server before that.";

    private SignPayloadCommands() {}

    /** What every payload subcommand takes: the key and signing options, and the approval. */
    abstract static class PayloadSubcommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        SignOptions options;

        @Mixin
        PayloadRun.Approval approval;

        int sign(PayloadRun.Input input, PayloadRun.ResultSink afterSign) throws Exception {
            return PayloadRun.run(spec, options, approval, input, afterSign);
        }
    }

    /** {@code sign eth-message}: EIP-191 personal_sign. */
    @Command(
            name = "eth-message",
            description = {
                "Sign a message as EIP-191 personal_sign with a SECP256k1 key on an evm path (default m/44/60/0/0/0).",
                "Prints the 65-byte signature r || s || v (v 27/28); the address recovered from it is checked to be "
                        + "the key's.",
                REVIEW
            })
    static final class EthMessage extends PayloadSubcommand {
        @ArgGroup(exclusive = true, multiplicity = "1")
        Input input;

        static final class Input {
            @Option(names = "--text", paramLabel = "T", description = "The message as text (UTF-8).")
            String text;

            @Option(names = "--hex", paramLabel = "H", description = "The message as hex (0x optional).")
            String hex;

            /** The message bytes: the text as UTF-8, or the hex decoded. */
            byte[] bytes() {
                return text != null ? SignInput.message(text, null, null) : SignInput.hex("--hex", strip0x(hex));
            }
        }

        @Override
        public Integer call() throws Exception {
            byte[] message = input.bytes();
            return sign(new PayloadRun.Input(PayloadKind.ETH_MESSAGE, message, Chain.EVM, false), r -> {});
        }
    }

    /** {@code sign btc-message}: a message signed for a Bitcoin address. */
    @Command(
            name = "btc-message",
            description = {
                "Sign a message for a Bitcoin address, as wallets verify one: BIP-322 simple for bitcoin-p2wpkh "
                        + "(the default for a SECP256k1 key) and bitcoin-p2tr (the default for a SECP256K1_SCHNORR "
                        + "key), Bitcoin Core's signmessage for bitcoin-p2pkh.",
                "Prints the signature in base64 (BIP-322: prefixed smp, as the final BIP writes it; tools made before "
                        + "it take the text after those three letters); it is checked against the address first.",
                REVIEW
            })
    static final class BtcMessage extends PayloadSubcommand {
        @ArgGroup(exclusive = true, multiplicity = "1")
        EthMessage.Input input;

        @Override
        public Integer call() throws Exception {
            byte[] message = input.bytes();
            return sign(new PayloadRun.Input(PayloadKind.BTC_MESSAGE, message, null, false), r -> {});
        }
    }

    /** {@code sign eth-typed}: EIP-712 typed data. */
    @Command(
            name = "eth-typed",
            description = {
                "Sign EIP-712 typed data (the JSON of eth_signTypedData_v4) with a SECP256k1 key on an evm path.",
                "Prints the 65-byte signature r || s || v; the address recovered from it is checked to be the key's.",
                REVIEW
            })
    static final class EthTyped extends PayloadSubcommand {
        @Option(names = "--file", required = true, paramLabel = "F", description = "The typed data JSON file.")
        String file;

        @Override
        public Integer call() throws Exception {
            byte[] json = PayloadInput.file("--file", file, PayloadInput.MAX_JSON);
            return sign(new PayloadRun.Input(PayloadKind.ETH_TYPED, json, Chain.EVM, false), r -> {});
        }
    }

    /** {@code sign eth-tx}: an EIP-1559, EIP-7702, EIP-2930 or legacy (EIP-155) transaction. */
    @Command(
            name = "eth-tx",
            description = {
                "Sign an EIP-1559 (type 2) transaction given as the JSON of eth_sendTransaction (chainId, nonce, "
                        + "maxPriorityFeePerGas, maxFeePerGas, gas, to, value, data, accessList; quantities as 0x hex "
                        + "or decimal strings), or as the unsigned 0x02... encoding (hex text or bytes), with a "
                        + "SECP256k1 key on an evm path. JSON with gasPrice instead of the two fees (or type 0x0) is a "
                        + "legacy transaction, signed with its chain id (EIP-155), as is its unsigned encoding "
                        + "rlp([nonce, gasPrice, gas, to, value, data, chainId, 0, 0]); one without a chain id is "
                        + "refused. JSON with an authorizationList (or type 0x4), or the unsigned 0x04... encoding, is "
                        + "an EIP-7702 set-code transaction; each authorization is shown with the account it changes.",
                "A transaction whose from is another address is refused. Prints the signed raw transaction "
                        + "(0x02..., 0x04... or a legacy 0xf8...) and its hash; the sender recovered from it is checked to be "
                        + "the key's address.",
                REVIEW
            })
    static final class EthTx extends PayloadSubcommand {
        @Option(
                names = "--file",
                required = true,
                paramLabel = "F",
                description = "The transaction: JSON, or its unsigned encoding (0x02..., 0x04..., 0x01..., or a legacy "
                        + "RLP list).")
        String file;

        @Override
        public Integer call() throws Exception {
            byte[] json = PayloadInput.file("--file", file, PayloadInput.MAX_JSON);
            return sign(new PayloadRun.Input(PayloadKind.ETH_TX, json, Chain.EVM, false), r -> {});
        }
    }

    /** {@code sign eth-authorization}: an EIP-7702 authorization of this key's account. */
    @Command(
            name = "eth-authorization",
            description = {
                "Sign an EIP-7702 authorization with a SECP256k1 key on an evm path: the JSON {chainId, address, "
                        + "nonce} (viem's prepareAuthorization; contractAddress is taken for address), which lets the "
                        + "contract at address run as this key's account on that chain (chain id 0: every chain) "
                        + "from the account's nonce; address 0x0000...0000 clears a delegation.",
                "Prints r, s and v (the y-parity, 0 or 1) for the authorization list of a set-code transaction; "
                        + "the authority recovered from them is checked to be the key's address.",
                REVIEW
            })
    static final class EthAuthorization extends PayloadSubcommand {
        @Option(names = "--file", required = true, paramLabel = "F", description = "The authorization JSON file.")
        String file;

        @Override
        public Integer call() throws Exception {
            byte[] json = PayloadInput.file("--file", file, PayloadInput.MAX_JSON);
            return sign(new PayloadRun.Input(PayloadKind.ETH_AUTHORIZATION, json, Chain.EVM, false), r -> {});
        }
    }

    /** {@code sign psbt}: every input of the key in a PSBT. */
    @Command(
            name = "psbt",
            description = {
                "Sign every input of a Bitcoin PSBT (BIP-174 v0, BIP-370 v2; base64 or binary file) that belongs to "
                        + "the key, found by its BIP-32 derivation entries (the key's fingerprint and a non-hardened "
                        + "path): P2TR key path with a SECP256K1_SCHNORR key, P2WPKH and P2PKH with a SECP256k1 key.",
                "The inputs name their own paths, so --chain, --path, --account and --index do not apply; --network "
                        + "picks how addresses are shown. --finalize also finalizes and prints the transaction hex.",
                REVIEW
            })
    static final class PsbtSign extends PayloadSubcommand {
        @Option(names = "--file", required = true, paramLabel = "F", description = "The PSBT, base64 or binary.")
        String file;

        @Option(
                names = "--out",
                paramLabel = "F",
                description = "Also write the signed PSBT here (binary when the input was binary, else base64).")
        String out;

        @Option(names = "--finalize", description = "Finalize the inputs and print the final transaction, hex.")
        boolean finalize;

        @Override
        public Integer call() throws Exception {
            PathOptions w = options.where;
            if (w.chain != null || w.path != null || w.account != null || w.index != null) {
                throw new IllegalArgumentException(
                        "a PSBT's inputs name their own paths: leave out --chain, --path, " + "--account and --index");
            }
            byte[] bytes = PayloadInput.file("--file", file, Psbt.MAX_BYTES / 3L * 4 + 64);
            boolean binary =
                    bytes.length > 0 && (bytes[0] & 0xff) == 0x70 && bytes.length > 4 && (bytes[4] & 0xff) == 0xff;
            try {
                return sign(new PayloadRun.Input(PayloadKind.PSBT, bytes, null, finalize), r -> {
                    if (out != null) {
                        write(r, out, binary);
                    }
                });
            } catch (PartlySignedException e) {
                handBack(spec.commandLine().getErr(), e, out, binary);
                throw e;
            }
        }

        /**
         * A later input failed after earlier ones were signed: the signatures made are handed back (BIP-174 lets
         * a signer return what it could sign), to {@code out} or else on stderr; the failure keeps its exit code.
         */
        static void handBack(PrintWriter err, PartlySignedException e, String out, boolean binary) {
            String again = "; run the command again on it to sign the rest (inputs this key signed are skipped)";
            String notWritten = null;
            if (out != null) {
                try {
                    write(e.partial(), out, binary);
                } catch (UncheckedIOException written) {
                    notWritten = written.getMessage();
                }
            }
            if (out != null && notWritten == null) {
                err.println(e.failedPart() + " was not signed; the PSBT with the signatures made before it was "
                        + "written to " + out + again);
            } else {
                if (notWritten != null) {
                    err.println(notWritten);
                }
                err.println(e.failedPart() + " was not signed; the PSBT with the signatures made before it (base64)"
                        + again + ":");
                err.println(e.partial().psbt());
            }
            err.flush();
        }

        private static void write(PayloadResult r, String out, boolean binary) {
            byte[] content = binary
                    ? Base64.getDecoder().decode(r.psbt())
                    : (r.psbt() + "\n").getBytes(StandardCharsets.US_ASCII);
            try {
                Files.write(Path.of(out), content);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write --out " + out + ": " + e.getMessage(), e);
            }
        }
    }

    /** {@code sign solana-tx}: a Solana transaction or message. */
    @Command(
            name = "solana-tx",
            description = {
                "Sign a Solana transaction or bare message (legacy or v0), base64 or base58, with an ED25519 key on a "
                        + "solana path (default m/44/501/0/0): an Ed25519 signature over the message bytes, put in the "
                        + "key's signer slot. Refused when the key is not a required signer.",
                "Prints the signature (base58) and the signed transaction (base64).",
                REVIEW
            })
    static final class SolanaTx extends PayloadSubcommand {
        @ArgGroup(exclusive = true, multiplicity = "1")
        Input input;

        static final class Input {
            @Option(
                    names = "--file",
                    paramLabel = "F",
                    description = "A file with the transaction: base64 or base58 text, or the wire bytes.")
            String file;

            @Option(names = "--base64", paramLabel = "B", description = "The transaction as base64 (or base58) text.")
            String base64;
        }

        @Override
        public Integer call() throws Exception {
            byte[] bytes = PayloadInput.fileOrText(
                    input.file,
                    "--base64",
                    input.base64,
                    PayloadInput.MAX_SOLANA,
                    "a Solana transaction is at most 1232 bytes, about " + PayloadInput.MAX_SOLANA / 2 + " characters");
            return sign(new PayloadRun.Input(PayloadKind.SOLANA_TX, bytes, Chain.SOLANA, false), r -> {});
        }
    }

    /** {@code sign tron-tx}: a Tron transaction. */
    @Command(
            name = "tron-tx",
            description = {
                "Sign a Tron transaction with a SECP256k1 key on a tron path (default m/44/195/0/0/0): ECDSA over the "
                        + "transaction id (SHA-256 of raw_data). TRX and TRC-10 transfers, contract calls (TRC-20 token "
                        + "calls in words), votes, rewards, Stake 2.0, resource delegation and permission changes; "
                        + "refused when the transaction acts for another account.",
                "Prints the signature r || s || v (v 27/28, hex) and the signed transaction (hex, for "
                        + "/wallet/broadcasthex).",
                REVIEW
            })
    static final class TronTx extends PayloadSubcommand {
        @ArgGroup(exclusive = true, multiplicity = "1")
        Input input;

        static final class Input {
            @Option(
                    names = "--file",
                    paramLabel = "F",
                    description = "A file with the transaction JSON TronWeb builds (raw_data_hex), or raw_data in hex.")
            String file;

            @Option(names = "--hex", paramLabel = "H", description = "The transaction's raw_data in hex (0x optional).")
            String hex;
        }

        @Override
        public Integer call() throws Exception {
            byte[] bytes = PayloadInput.fileOrText(
                    input.file,
                    "--hex",
                    input.hex,
                    PayloadInput.MAX_JSON,
                    "a Tron transaction is far smaller: give the raw_data of one transaction");
            return sign(new PayloadRun.Input(PayloadKind.TRON_TX, bytes, Chain.TRON, false), r -> {});
        }
    }

    /** {@code sign tron-message}: TIP-191, as TronLink's signMessageV2. */
    @Command(
            name = "tron-message",
            description = {
                "Sign a message as TronLink's signMessageV2 (TIP-191) with a SECP256k1 key on a tron path (default "
                        + "m/44/195/0/0/0).",
                "Prints the 65-byte signature 0x r || s || v (v 27/28) that verifyMessageV2 takes; the account "
                        + "recovered from it is checked to be the key's.",
                REVIEW
            })
    static final class TronMessage extends PayloadSubcommand {
        @ArgGroup(exclusive = true, multiplicity = "1")
        EthMessage.Input input;

        @Override
        public Integer call() throws Exception {
            byte[] message = input.bytes();
            return sign(new PayloadRun.Input(PayloadKind.TRON_MESSAGE, message, Chain.TRON, false), r -> {});
        }
    }

    /** {@code sign tron-typed}: TIP-712, as TronLink's signTypedData. */
    @Command(
            name = "tron-typed",
            description = {
                "Sign TIP-712 typed data as TronLink's signTypedData with a SECP256k1 key on a tron path (default "
                        + "m/44/195/0/0/0): the JSON of eth_signTypedData_v4 with Tron addresses (GasFree's form), or "
                        + "TronWeb's {domain, types, value}.",
                "Prints the 65-byte signature 0x r || s || v (v 27/28); the account recovered from it is checked to "
                        + "be the key's.",
                REVIEW
            })
    static final class TronTyped extends PayloadSubcommand {
        @Option(names = "--file", required = true, paramLabel = "F", description = "The typed data JSON file.")
        String file;

        @Override
        public Integer call() throws Exception {
            byte[] json = PayloadInput.file("--file", file, PayloadInput.MAX_JSON);
            return sign(new PayloadRun.Input(PayloadKind.TRON_TYPED, json, Chain.TRON, false), r -> {});
        }
    }

    private static String strip0x(String hex) {
        String s = hex.strip();
        return s.startsWith("0x") || s.startsWith("0X") ? s.substring(2) : s;
    }
}
