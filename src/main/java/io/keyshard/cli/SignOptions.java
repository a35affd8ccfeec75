package io.keyshard.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.keyshard.address.Chain;
import io.keyshard.bytes.ByteArrays;
import io.keyshard.bytes.Hex;
import io.keyshard.client.KeygenProgress;
import io.keyshard.client.NodeConnection;
import io.keyshard.client.SignRequest;
import io.keyshard.client.SignResult;
import io.keyshard.client.Workspace;
import io.keyshard.derive.DerivationPath;
import io.keyshard.derive.Network;
import io.keyshard.json.StrictJson;
import io.keyshard.vault.KeyRecord;
import io.keyshard.vault.KeyStatus;
import io.keyshard.vault.SignedPayload;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** The options {@code sign message} and {@code sign digest} share (key, path as {@code derive} takes it, servers), and their run. */
final class SignOptions {
    @Option(names = "--key-id", required = true, paramLabel = "ID", description = "The key in the vault.")
    String keyId;

    @Mixin
    PathOptions where;

    @Option(names = "--network", paramLabel = "N", description = "mainnet or testnet (default mainnet).")
    String network;

    @Option(
            names = "--servers",
            split = ",",
            paramLabel = "A,B",
            description = "The servers to sign with (default: the first t of the key's servers that answer).")
    List<String> servers;

    @Option(
            names = "--round-timeout",
            defaultValue = "60",
            paramLabel = "SECONDS",
            description = "How long each server gets per round (default ${DEFAULT-VALUE}).")
    long roundTimeout;

    @Option(
            names = "--json",
            description = "Print one JSON object {keyId, curve, scheme, derivationPath, publicKey, address, signers, "
                    + "payload, digest, signature; ECDSA adds r, s, v (the recovery id) and der}.")
    boolean json;

    int run(CommandSpec spec, byte[] payload, boolean digest) throws Exception {
        UUID id = CliVault.keyId(keyId);
        if (roundTimeout < 1) {
            throw new IllegalArgumentException("--round-timeout must be at least 1 second");
        }
        Chain c = where.chain();
        Network n = network == null ? Network.MAINNET : Network.parse(network);
        PrintWriter err = spec.commandLine().getErr();
        try (CliVault.Opened opened = CliVault.workspace(spec, Duration.ofSeconds(roundTimeout))) {
            Workspace ws = opened.workspace();
            KeyRecord key = CliVault.key(ws, id);
            checkKey(key, payload, digest);
            if (c != null) {
                c.requireCurve(key.curve());
            }
            DerivationPath p = where.path(c, n);
            SignResult r;
            try {
                r = ws.sign(new SignRequest(id, p, null, payload, servers, c, n, digest))
                        .onProgress(e -> progress(err, e))
                        .promise()
                        .join();
            } catch (CompletionException e) {
                Throwable cause = NodeConnection.unwrap(e);
                throw cause instanceof Exception ex ? ex : e;
            }
            record(ws, r, payload, digest, err);
            print(spec, r, payload, digest);
            return 0;
        }
    }

    /**
     * Adds the signature to the key's sealed signing history. The signature is valid and already
     * made, so a history that cannot be written is reported and the signature still printed.
     */
    private static void record(Workspace ws, SignResult r, byte[] payload, boolean digest, PrintWriter err) {
        // An ECDSA entry keeps r ‖ s ‖ v, so the history holds the recovery id next to the signature.
        byte[] signature = Hex.decode(r.signature(), "signature");
        if (r.recoveryId() != null) {
            signature = ByteArrays.concat(signature, new byte[] {(byte) (int) r.recoveryId()});
        }
        try {
            ws.recordSignature(
                    r.keyId(),
                    r.signedAt(),
                    digest ? payload : Hex.decode(r.messageSha256(), "messageSha256"),
                    r.derivationPath(),
                    r.address(),
                    r.signers(),
                    signature,
                    digest ? SignedPayload.DIGEST : SignedPayload.MESSAGE,
                    (digest
                                    ? payload.length + "-byte digest"
                                    : "message of " + payload.length + " bytes (SHA-256 shown)")
                            + (r.recoveryId() != null ? ", ECDSA r ‖ s ‖ v" : ""));
        } catch (RuntimeException e) {
            err.println("the signature was made but not added to the key's signing history: " + e.getMessage());
            err.flush();
        }
    }

    private static void checkKey(KeyRecord key, byte[] payload, boolean digest) {
        if (key.status() != KeyStatus.READY) {
            throw new IllegalArgumentException("this key is " + key.status() + ": only a READY key signs");
        }
        if (digest) {
            SignRequest.checkDigest(key.curve(), payload.length);
        }
    }

    /** Names each server that failed, on stderr, as the signing goes. */
    static void progress(PrintWriter err, KeygenProgress p) {
        if (p.stage() == KeygenProgress.Stage.FAILED) {
            err.println((p.server() == null ? "" : p.server() + ": ") + p.detail());
            err.flush();
        }
    }

    private void print(CommandSpec spec, SignResult r, byte[] payload, boolean digest) throws JsonProcessingException {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("keyId", r.keyId().toString());
        o.put("curve", r.curve().apiName());
        o.put("scheme", r.scheme());
        o.put("derivationPath", r.derivationPath());
        o.put("publicKey", r.publicKey());
        o.put("address", r.address());
        o.put("signers", r.signers());
        if (digest) {
            o.put("digest", Hex.encode(payload));
        } else {
            o.put("payload", Hex.encode(payload));
        }
        o.put("signature", r.signature());
        if (r.r() != null) {
            o.put("r", r.r());
            o.put("s", r.s());
            o.put("v", r.recoveryId());
            o.put("der", r.der());
        }
        printFields(spec, json, o);
    }

    /**
     * The result of a signing: one JSON object with {@code --json}, else a {@code name value} line a field
     * (the payload, often long, and null fields left out; an object field as its JSON).
     */
    static void printFields(CommandSpec spec, boolean json, Map<String, Object> o) throws JsonProcessingException {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(StrictJson.mapper().writeValueAsString(o));
        } else {
            int width = Math.max(
                    15, o.keySet().stream().mapToInt(String::length).max().orElse(0));
            for (Map.Entry<String, Object> e : o.entrySet()) {
                Object v = e.getValue();
                if (v != null && !e.getKey().equals("payload")) {
                    // a list as comma-separated values; an object (a signed authorization) as the JSON a tool takes
                    Object shown = v instanceof List<?> l
                            ? String.join(",", l.stream().map(String::valueOf).toList())
                            : v instanceof Map<?, ?> ? StrictJson.mapper().writeValueAsString(v) : v;
                    out.printf(Locale.ROOT, "%-" + width + "s %s%n", e.getKey(), shown);
                }
            }
        }
        out.flush();
    }
}
