package io.keyshard.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.keyshard.address.Chain;
import io.keyshard.address.DerivationProblem;
import io.keyshard.derive.DerivationPath;
import io.keyshard.derive.Network;
import io.keyshard.json.StrictJson;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code keyshard path}: a chain's default derivation path (GET_&lt;CHAIN&gt;_DERIVATION_PATH); needs no vault. */
@Command(
        name = "path",
        mixinStandardHelpOptions = true,
        description = {
            "Print a chain's default derivation path for an account and address index.",
            "All levels are non-hardened (MPC keys derive without the private key). On testnet the Bitcoin "
                    + "chains use coin type 1; the other chains keep their coin type.",
            DerivationPath.NOT_SEED_WALLET_PATHS
        })
public final class PathCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--chain",
            required = true,
            paramLabel = "CHAIN",
            description =
                    "evm, bitcoin-p2pkh, bitcoin-p2wpkh, bitcoin-p2tr, tron, cosmos, solana, stellar, sui, aptos or did-key.")
    String chain;

    @Option(names = "--account", paramLabel = "A", defaultValue = "0", description = "Account number (default 0).")
    long account;

    @Option(names = "--index", paramLabel = "I", defaultValue = "0", description = "Address index (default 0).")
    long index;

    @Option(
            names = "--network",
            paramLabel = "N",
            defaultValue = "mainnet",
            description = "mainnet (default) or testnet.")
    String network;

    @Option(names = "--json", description = "Print one JSON object {chain, network, derivationPath}.")
    boolean json;

    @Override
    public Integer call() throws JsonProcessingException {
        Chain c = Chain.parse(chain);
        Network n = Network.parse(network);
        DerivationPath path;
        try {
            path = c.defaultPath(DeriveFlags.level("--account", account), DeriveFlags.level("--index", index), n);
        } catch (DerivationProblem p) {
            throw DeriveFlags.worded(p);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("chain", c.id());
            o.put("network", n.id());
            o.put("derivationPath", path.toString());
            out.println(StrictJson.mapper().writeValueAsString(o));
        } else {
            out.println(path);
        }
        out.flush();
        return 0;
    }
}
