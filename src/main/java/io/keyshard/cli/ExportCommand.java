package io.keyshard.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.keyshard.address.Chain;
import io.keyshard.client.Workspace;
import io.keyshard.curve.CurveName;
import io.keyshard.derive.Network;
import io.keyshard.json.StrictJson;
import io.keyshard.payload.bitcoin.Descriptors;
import io.keyshard.vault.KeyRecord;
import io.keyshard.vault.KeyStatus;
import java.io.PrintWriter;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code keyshard export descriptor}: a vault key as a watch-only wallet (docs/cli.md). */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = "Export a key's public side for other wallets.",
        subcommands = {ExportCommand.Descriptor.class})
public final class ExportCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    private static final Set<Chain> BITCOIN = EnumSet.of(Chain.BITCOIN_P2WPKH, Chain.BITCOIN_P2PKH, Chain.BITCOIN_P2TR);

    /** {@code export descriptor --key-id ID --chain X [--account A] [--network N] [--json]}. */
    @Command(
            name = "descriptor",
            mixinStandardHelpOptions = true,
            description = {
                "Print a BIP-380 output descriptor of one account of a Bitcoin key, with its key origin and "
                        + "checksum, e.g. wpkh([f1ngerpr/84/0/0]xpub.../<0;1>/*)#checksum, and the receive (/0/*) "
                        + "and change (/1/*) descriptors for wallets that take one chain per descriptor. Bitcoin "
                        + "Core, Sparrow and Electrum import it as a watch-only wallet.",
                "The key origin path is non-hardened (84/0/0, not 84h/0h/0h): MPC keys derive without the private "
                        + "key, which hardened steps need, so these addresses differ from a seed wallet's.",
                "bitcoin-p2wpkh and bitcoin-p2pkh take SECP256k1 keys; bitcoin-p2tr takes SECP256K1_SCHNORR keys.",
                "Vault password: --password-file FILE, else $KEYSHARD_PASSWORD, else a prompt."
            })
    static final class Descriptor implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--key-id", required = true, paramLabel = "ID", description = "The key (a UUID).")
        String keyId;

        @Option(
                names = "--chain",
                required = true,
                paramLabel = "CHAIN",
                description = "bitcoin-p2wpkh (wpkh), bitcoin-p2pkh (pkh) or bitcoin-p2tr (tr).")
        String chain;

        @Option(names = "--account", paramLabel = "A", description = "Account of the chain's path (default 0).")
        Long account;

        @Option(
                names = "--network",
                paramLabel = "N",
                description = "mainnet (xpub) or testnet (tpub); default mainnet.")
        String network;

        @Option(
                names = "--json",
                description = "Print one JSON object {keyId, chain, network, account, descriptor, receive, change}.")
        boolean json;

        @Override
        public Integer call() throws JsonProcessingException {
            Chain c = bitcoinChain(chain);
            Integer level = DeriveFlags.level("--account", account);
            int a = level == null ? 0 : level;
            Network n = network == null ? Network.MAINNET : Network.parse(network);
            UUID id = CliVault.keyId(keyId);
            KeyRecord k;
            try (CliVault.Opened opened = CliVault.workspace(spec)) {
                k = CliVault.key(opened.workspace(), id);
            }
            if (k.status() != KeyStatus.READY) {
                throw new IllegalArgumentException(
                        "this key is " + k.status() + ": only a READY key has a public key to export");
            }
            requireCurve(c, k.curve());
            String descriptor = Descriptors.export(c, Workspace.rootOf(k).key(), a, n);
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("keyId", k.keyId().toString());
            o.put("chain", c.id());
            o.put("network", n.id());
            o.put("account", a);
            o.put("descriptor", descriptor);
            o.put("receive", oneChain(descriptor, 0));
            o.put("change", oneChain(descriptor, 1));
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(StrictJson.mapper().writeValueAsString(o));
            } else {
                out.printf("descriptor  %s%n", descriptor);
                out.printf("receive     %s%n", o.get("receive"));
                out.printf("change      %s%n", o.get("change"));
            }
            out.flush();
            return 0;
        }

        /** The multipath descriptor narrowed to its receive (0) or change (1) chain, with its own checksum. */
        static String oneChain(String descriptor, int branch) {
            String body = Descriptors.verify(descriptor);
            return Descriptors.withChecksum(body.replace("/<0;1>/*)", "/" + branch + "/*)"));
        }

        private static Chain bitcoinChain(String text) {
            Chain c = Chain.parse(text);
            if (!BITCOIN.contains(c)) {
                throw new IllegalArgumentException("output descriptors are for the Bitcoin chains: give --chain "
                        + "bitcoin-p2wpkh, bitcoin-p2pkh or bitcoin-p2tr");
            }
            return c;
        }

        /** Says which curve the chain needs and which descriptors this key has instead. */
        private static void requireCurve(Chain c, CurveName curve) {
            if (c.supports(curve)) {
                return;
            }
            String needs = c == Chain.BITCOIN_P2TR
                    ? "a " + CurveName.SECP256K1_SCHNORR.apiName() + " key (BIP-340 Schnorr, as Taproot signs)"
                    : "a " + CurveName.SECP256K1.apiName() + " key (ECDSA)";
            String instead = curve == CurveName.SECP256K1_SCHNORR
                    ? "its descriptor is --chain bitcoin-p2tr"
                    : curve == CurveName.SECP256K1
                            ? "its descriptors are --chain bitcoin-p2wpkh or bitcoin-p2pkh"
                            : "it has no Bitcoin descriptor";
            throw new IllegalArgumentException(
                    "--chain " + c.id() + " needs " + needs + "; this key is " + curve.apiName() + ": " + instead);
        }
    }
}
