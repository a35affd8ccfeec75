package io.keyshard.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.keyshard.address.Chain;
import io.keyshard.address.DerivationProblem;
import io.keyshard.address.KeyPipeline;
import io.keyshard.bytes.Hex;
import io.keyshard.curve.CurveName;
import io.keyshard.derive.DerivationPath;
import io.keyshard.derive.Network;
import io.keyshard.json.StrictJson;
import io.keyshard.vault.KeyRecord;
import io.keyshard.vault.KeyStatus;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code keyshard derive}: public key and address at a path (COMPUTE_PUBLIC_KEY, COMPUTE_&lt;CHAIN&gt;_ADDRESS),
 * from a key in the vault, a public key and chain code, or an xpub. The work is done by {@link KeyPipeline},
 * as in the UI; only {@code --key-id} opens the vault.
 */
@Command(
        name = "derive",
        mixinStandardHelpOptions = true,
        description = {
            "Derive a child public key (non-hardened only) and, with --chain, its address.",
            "Start from --key-id (vault password: --password-file, $KEYSHARD_PASSWORD or a prompt), "
                    + "--curve/--public-key/--chain-code or --xpub (xpub, tpub, ypub, zpub, upub, vpub); "
                    + "the path is relative to that key (m = the key itself). Without --chain only the public key "
                    + "is derived (path m unless --path is given) and chain and address are null.",
            DerivationPath.NOT_SEED_WALLET_PATHS
        })
public final class DeriveCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--key-id",
            paramLabel = "ID",
            description = "Start from a key in the vault (its rootPublicKey and chainCode); needs the vault password.")
    String keyId;

    @Option(
            names = "--curve",
            paramLabel = "C",
            description = "Curve of --public-key: SECP256k1, ED25519, P256, P384, P521, ED448, SECP256K1_SCHNORR.")
    String curve;

    @Option(
            names = "--public-key",
            paramLabel = "HEX",
            description = "Starting public key, hex (encoding of the curve's rootPublicKey).")
    String publicKey;

    @Option(names = "--chain-code", paramLabel = "HEX", description = "Starting chain code, 32 bytes hex.")
    String chainCode;

    @Option(names = "--xpub", paramLabel = "X", description = "Starting extended public key.")
    String xpub;

    @Mixin
    PathOptions where;

    @Option(
            names = "--network",
            paramLabel = "N",
            description = "mainnet or testnet (default: the xpub's, else mainnet).")
    String network;

    @Option(
            names = "--json",
            description = "Print one JSON object {chain, curve, network, derivationPath, publicKey, address, ...}.")
    boolean json;

    @Override
    public Integer call() throws JsonProcessingException {
        Chain c = where.chain();
        KeyPipeline.Start start = start(c);
        try {
            Network n = KeyPipeline.network(start, network == null ? null : Network.parse(network));
            print(KeyPipeline.run(start, c, where.path(c, n), n));
        } catch (DerivationProblem p) {
            throw DeriveFlags.worded(p);
        }
        return 0;
    }

    private KeyPipeline.Start start(Chain c) {
        boolean raw = publicKey != null || curve != null || chainCode != null;
        int sources = (raw ? 1 : 0) + (xpub != null ? 1 : 0) + (keyId != null ? 1 : 0);
        if (sources != 1) {
            throw new IllegalArgumentException(
                    sources == 0
                            ? "say which key to start from: --key-id ID, --curve C --public-key HEX --chain-code HEX, or --xpub X"
                            : "give only one of --key-id, --xpub and --curve/--public-key/--chain-code");
        }
        if (keyId != null) {
            return fromVault();
        }
        if (xpub != null) {
            return KeyPipeline.Start.ofXpub(xpub, c);
        }
        if (curve == null || publicKey == null || chainCode == null) {
            throw new IllegalArgumentException("--curve, --public-key and --chain-code go together: missing "
                    + (curve == null ? "--curve" : publicKey == null ? "--public-key" : "--chain-code"));
        }
        return KeyPipeline.Start.of(
                CurveName.parse(curve),
                hex(
                        "--public-key",
                        publicKey,
                        "the starting public key (a rootPublicKey as 'keyshard keys show' prints it)"),
                hex("--chain-code", chainCode, "the starting chain code: 32 bytes, 64 hex digits"));
    }

    /** The key's root from the vault; the keyId itself never appears in a message. */
    private KeyPipeline.Start fromVault() {
        UUID id = CliVault.keyId(keyId);
        KeyRecord k;
        try (CliVault.Opened opened = CliVault.workspace(spec)) {
            k = CliVault.key(opened.workspace(), id);
        }
        if (k.status() != KeyStatus.READY) {
            throw new IllegalArgumentException(
                    "this key is " + k.status() + (k.failureReason() == null ? "" : " (" + k.failureReason() + ")")
                            + ": only a READY key has a public key to derive from");
        }
        if (k.derivationScheme() != k.curve().curve().derivationScheme()) {
            throw new IllegalArgumentException("this key's record says derivation scheme "
                    + k.derivationScheme().id()
                    + ", but " + k.curve() + " keys derive with "
                    + k.curve().curve().derivationScheme().id()
                    + ": the record is inconsistent, nothing derived");
        }
        return KeyPipeline.Start.of(
                k.curve(),
                hex("the key's rootPublicKey", k.rootPublicKey(), "the key's root public key"),
                hex("the key's chainCode", k.chainCode(), "the key's chain code"));
    }

    private static byte[] hex(String option, String text, String expected) {
        String s = text == null ? "" : text.strip();
        if (s.isEmpty() || s.equalsIgnoreCase("0x")) {
            throw new IllegalArgumentException(option + " is empty: give " + expected + " in hex (0-9, a-f)");
        }
        return Hex.decodeTyped(s, option);
    }

    private void print(KeyPipeline.Result r) throws JsonProcessingException {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("chain", r.chain() == null ? null : r.chain().id());
        o.put("curve", r.curve().apiName());
        o.put("network", r.network().id());
        o.put("derivationPath", r.derivationPath());
        o.put("publicKey", r.publicKey());
        o.put("address", r.address() == null ? null : r.address().value());
        if (r.xpub() != null) {
            o.put("xpub", r.xpub());
        }
        o.putAll(r.addressDetails());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(StrictJson.mapper().writeValueAsString(o));
        } else {
            o.forEach((k, v) -> {
                if (v != null) {
                    out.printf("%-15s %s%n", k, v);
                }
            });
            out.printf("%-15s %s%n", "derivation", r.derived().description());
            if (r.chain() != null) {
                out.printf("%-15s %s%n", "address rule", r.chain().addressRule());
            }
        }
        out.flush();
    }
}
