package io.keyshard.ui.sign;

import io.keyshard.bytes.Hex;
import io.keyshard.client.Operation;
import io.keyshard.client.PartProgress;
import io.keyshard.client.PayloadKind;
import io.keyshard.client.PayloadRequest;
import io.keyshard.client.PayloadResult;
import io.keyshard.client.PreparedPayload;
import io.keyshard.client.ServerStatus;
import io.keyshard.client.Workspace;
import io.keyshard.curve.CurveName;
import io.keyshard.ui.common.UiTasks;
import io.keyshard.ui.pipeline.PipelineViewModel;
import io.keyshard.vault.KeyRecord;
import io.keyshard.vault.Vault;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/**
 * A {@link SignService} for screens without servers: payloads are prepared by a real workspace (no server
 * is involved in that), health is canned, and each signing is completed or failed by the test.
 */
public final class FakeSigning implements SignService {
    public static final List<String> SERVERS = List.of("OFFICIAL_1", "OFFICIAL_2", "OFFICIAL_3");

    public final List<ServerStatus> statuses = new ArrayList<>();
    public final List<PreparedPayload> signed = new CopyOnWriteArrayList<>();
    /** When set, every review waits for it: what happens while a review is being made. */
    public volatile CountDownLatch holdPrepare;

    public final List<List<String>> signers = new CopyOnWriteArrayList<>();
    public volatile Operation<PayloadResult> last;
    /** Each signing's listener for the start of its parts, for a test to tell it "input k of n". */
    public final List<Consumer<PartProgress>> parts = new CopyOnWriteArrayList<>();
    /** When set, signing is refused at once with this message, as a workspace refuses a key no longer in its vault. */
    public volatile String refuse;

    private final Workspace workspace;

    /** Every server answering; payloads prepared by {@code workspace}. */
    public FakeSigning(Workspace workspace) {
        this.workspace = workspace;
        SERVERS.forEach(s -> statuses.add(up(s)));
    }

    public static ServerStatus up(String name) {
        return new ServerStatus(name, "https://127.0.0.1:1", 1, "00", true, true, 3L, null);
    }

    public static ServerStatus down(String name) {
        return new ServerStatus(name, "https://127.0.0.1:1", 1, "00", true, false, null, ServerStatus.STOPPED);
    }

    @Override
    public PreparedPayload prepare(PayloadRequest request) {
        CountDownLatch hold = holdPrepare;
        if (hold != null) {
            try {
                hold.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return workspace.payloads().prepare(request);
    }

    @Override
    public Operation<PayloadResult> sign(
            PreparedPayload prepared, List<String> servers, Consumer<PartProgress> onPart) {
        if (refuse != null) {
            throw new IllegalArgumentException(refuse);
        }
        parts.add(onPart);
        signed.add(prepared);
        signers.add(servers);
        Operation<PayloadResult> op = new Operation<>();
        last = op;
        return op;
    }

    @Override
    public List<ServerStatus> servers() {
        return List.copyOf(statuses);
    }

    /** Writes a READY 2-of-3 key of {@code curve} on the local servers (root key 12345·G) into {@code vault}. */
    public static KeyRecord readyIn(Vault vault, CurveName curve) {
        byte[] pub = curve.curve().encodePublicKey(curve.curve().multiplyBase(BigInteger.valueOf(12345)));
        KeyRecord pending = KeyRecord.pending(UUID.randomUUID(), "Signing key", curve, 2, SERVERS, Instant.now());
        vault.createPending(pending);
        Map<String, String> shares = new LinkedHashMap<>();
        SERVERS.forEach(s -> shares.put(s, Hex.encode(pub)));
        return vault.markReady(pending.keyId(), Hex.encode(pub), "11".repeat(32), shares);
    }

    /** The pipeline of {@code key}, derived through {@code workspace}. */
    public static PipelineViewModel pipeline(KeyRecord key, Workspace workspace, UiTasks tasks) {
        return new PipelineViewModel(key, workspace::derive, tasks);
    }

    /** A result carrying a real Ed25519 signature of the message by a fresh JDK key (for screens). */
    public static PayloadResult result(PreparedPayload p, List<String> servers, byte[] message)
            throws GeneralSecurityException {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Signature s = Signature.getInstance("Ed25519");
        s.initSign(pair.getPrivate());
        s.update(message);
        byte[] spki = pair.getPublic().getEncoded();
        return new PayloadResult(
                p.kind(),
                p.keyId(),
                p.curve(),
                "Ed25519",
                p.derivationPath(),
                Hex.encode(Arrays.copyOfRange(spki, spki.length - 32, spki.length)),
                p.address(),
                servers,
                Hex.encode(message),
                null,
                Hex.encode(s.sign()),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(),
                List.of(),
                null);
    }

    /** A PSBT result for screens: {@code psbt} (base64) as signed for {@code inputs}, by a made-up key. */
    public static PayloadResult psbtResult(PreparedPayload p, List<String> servers, String psbt, List<Integer> inputs) {
        return new PayloadResult(
                PayloadKind.PSBT,
                p.keyId(),
                p.curve(),
                "ECDSA",
                "m/84/0/0/0/1",
                "02" + "ab".repeat(32),
                null,
                servers,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                psbt,
                inputs,
                List.of(),
                null);
    }
}
