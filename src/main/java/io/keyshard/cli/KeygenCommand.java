package io.keyshard.cli;

import io.keyshard.client.ComponentModule;
import io.keyshard.client.EcdsaSetupResult;
import io.keyshard.client.GeneratedKey;
import io.keyshard.client.KeygenProgress;
import io.keyshard.client.KeygenRequest;
import io.keyshard.client.LocalCluster;
import io.keyshard.client.NodeConnection;
import io.keyshard.client.ResolvedKey;
import io.keyshard.client.SigningReadiness;
import io.keyshard.client.Workspace;
import io.keyshard.curve.CurveName;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code keyshard keygen}: a distributed key generation on the chosen servers; prints the vault record at READY,
 * then, for an ECDSA curve, finishes the key's signing setup before exiting unless {@code --no-signing-setup}.
 */
@Command(name = "keygen", description = "Generate a threshold key on MPC servers; the keyId goes into the vault.")
public final class KeygenCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--curve",
            required = true,
            description = "SECP256k1, ED25519, P256, P384, P521, ED448 or SECP256K1_SCHNORR.")
    String curve;

    @Option(names = "--threshold", required = true, description = "How many servers must cooperate (2..n).")
    int threshold;

    @Option(names = "--servers", split = ",", description = "Server names (default: OFFICIAL_1,OFFICIAL_2,OFFICIAL_3).")
    List<String> servers;

    @Option(names = "--label", description = "A label for the key in the vault.")
    String label;

    @Option(names = "--json", description = "Print the key record as one JSON object.")
    boolean json;

    @Option(
            names = "--no-signing-setup",
            description = "ECDSA curves: do not set up signing before exiting; the first signing sets it up.")
    boolean noSigningSetup;

    @Option(
            names = "--round-timeout",
            defaultValue = "60",
            paramLabel = "SECONDS",
            description = "How long each server gets per round (default ${DEFAULT-VALUE}).")
    long roundTimeout;

    @Override
    public Integer call() throws Exception {
        CurveName c = CurveName.parse(curve);
        if (roundTimeout < 1) {
            throw new IllegalArgumentException("--round-timeout must be at least 1 second");
        }
        KeygenRequest request = new KeygenRequest(c, threshold, servers == null ? LocalCluster.NAMES : servers, label);
        PrintWriter err = spec.commandLine().getErr();
        try (CliVault.Opened opened = CliVault.workspace(spec, Duration.ofSeconds(roundTimeout))) {
            Workspace ws = opened.workspace();
            ws.setUpSigningAfterKeygen(!noSigningSetup);
            for (ResolvedKey r : ws.resolvePending()) {
                err.println("earlier key generation " + r.status().name().toLowerCase(Locale.ROOT) + ": " + r.note());
            }
            GeneratedKey key;
            try {
                key = ws.call(ComponentModule.GENERATE_KEY_SHARE, request)
                        .onProgress(p -> progress(err, p))
                        .promise()
                        .join();
            } catch (CompletionException e) {
                Throwable cause = NodeConnection.unwrap(e);
                throw cause instanceof Exception ex ? ex : e;
            }
            if (key.note() != null) {
                err.println("note: " + key.note());
            }
            if (!key.commitPending().isEmpty()) {
                err.println("warning: " + key.commitPending() + " did not confirm the commit yet; the key is READY "
                        + "and the commit is re-sent on the next start");
            }
            SigningReadiness signing = ws.signingReadiness(key.keyId());
            if (json) {
                spec.commandLine()
                        .getOut()
                        .println(KeyRecordJson.write(KeyRecordJson.withSigning(key.record(), signing)));
            } else {
                spec.commandLine()
                        .getOut()
                        .println("key " + key.keyId() + " READY, root public key " + key.rootPublicKey());
            }
            spec.commandLine().getOut().flush();
            if (signing.state() == SigningReadiness.State.SETTING_UP) {
                finishSigningSetup(ws, key, err);
            } else if (!noSigningSetup && signing.state() != SigningReadiness.State.READY) {
                err.println("warning: " + signing.sentence());
            }
            return 0;
        }
    }

    /**
     * Waits for the signing setup key generation started, with its steps on stderr; a failure is reported and
     * leaves the exit code alone: the key is made, and its first signing runs the setup again.
     */
    private static void finishSigningSetup(Workspace ws, GeneratedKey key, PrintWriter err) {
        err.println("setting up signing with the servers (once per pair of servers; --no-signing-setup leaves it "
                + "to the first signing)...");
        err.flush();
        try {
            EcdsaSetupResult r = ws.ecdsaSetup(key.keyId())
                    .onProgress(p -> setupProgress(err, p))
                    .promise()
                    .join();
            err.println("signing is set up: the key is ready to sign"
                    + (r.ran()
                            ? String.format(Locale.ROOT, " (%.1f s)", r.took().toMillis() / 1000.0)
                            : " (the servers were set up for it before)"));
        } catch (CompletionException e) {
            err.println("warning: signing could not be set up now ("
                    + NodeConnection.unwrap(e).getMessage() + "); the key is READY and its first signing sets it up");
        }
        err.flush();
    }

    private static void setupProgress(PrintWriter err, KeygenProgress p) {
        if (p.stage() == KeygenProgress.Stage.DONE
                && p.server() != null
                && p.phase() != KeygenProgress.Phase.IDENTITY) {
            err.println(p.server() + ": signing setup step " + p.phase().ordinal() + " of 3 done");
            err.flush();
        } else if (p.stage() == KeygenProgress.Stage.FAILED) {
            progress(err, p);
        }
    }

    private static void progress(PrintWriter err, KeygenProgress p) {
        if (p.stage() == KeygenProgress.Stage.DONE || p.stage() == KeygenProgress.Stage.FAILED) {
            err.println((p.server() == null ? "" : p.server() + ": ") + p.detail());
            err.flush();
        }
    }
}
