package io.keyshard.ui.sign;

import io.keyshard.address.KeyPipeline;
import io.keyshard.bytes.Hex;
import io.keyshard.client.Operation;
import io.keyshard.client.ServerStatus;
import io.keyshard.client.SignRequest;
import io.keyshard.client.SignResult;
import io.keyshard.client.Workspace;
import io.keyshard.curve.CurveName;
import io.keyshard.ui.common.UiTasks;
import io.keyshard.ui.pipeline.PipelineViewModel;
import io.keyshard.vault.KeyRecord;
import io.keyshard.vault.KeyStatus;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link SignService} for screens without servers: canned health, signings the test completes or fails. */
public final class FakeSigning implements SignService {
    public static final List<String> SERVERS = List.of("OFFICIAL_1", "OFFICIAL_2", "OFFICIAL_3");

    public final List<ServerStatus> statuses = new ArrayList<>();
    public final List<SignRequest> requests = new CopyOnWriteArrayList<>();
    public final List<byte[]> recorded = new CopyOnWriteArrayList<>();
    public volatile Operation<SignResult> last;

    /** Every server answering. */
    public FakeSigning() {
        SERVERS.forEach(s -> statuses.add(up(s)));
    }

    public static ServerStatus up(String name) {
        return new ServerStatus(name, "https://127.0.0.1:1", 1, "00", true, true, 3L, null);
    }

    public static ServerStatus down(String name) {
        return new ServerStatus(name, "https://127.0.0.1:1", 1, "00", true, false, null, ServerStatus.STOPPED);
    }

    @Override
    public Operation<SignResult> sign(SignRequest request) {
        requests.add(request);
        Operation<SignResult> op = new Operation<>();
        last = op;
        return op;
    }

    @Override
    public List<ServerStatus> servers() {
        return List.copyOf(statuses);
    }

    @Override
    public void record(SignResult result, byte[] message) {
        recorded.add(message.clone());
    }

    /** A READY 2-of-3 key of {@code curve} on the local servers, root key 12345·G. */
    public static KeyRecord key(CurveName curve) {
        byte[] pub = curve.curve().encodePublicKey(curve.curve().multiplyBase(BigInteger.valueOf(12345)));
        return new KeyRecord(
                UUID.fromString("5167a7e5-0000-4000-8000-000000000001"),
                "Signing key",
                curve,
                2,
                SERVERS,
                Hex.encode(pub),
                "11".repeat(32),
                Map.of(),
                curve.curve().derivationScheme(),
                KeyStatus.READY,
                null,
                Instant.now());
    }

    /** The pipeline of {@code key}, derived from its public data. */
    public static PipelineViewModel pipeline(KeyRecord key, UiTasks tasks) {
        KeyPipeline.Start start = Workspace.rootOf(key);
        return new PipelineViewModel(
                key,
                (id, chain, network, account, index) ->
                        KeyPipeline.run(start, chain, KeyPipeline.path(chain, null, account, index, network), network),
                tasks);
    }

    /** A result carrying a real Ed25519 signature of {@code message} by a fresh JDK key (for screens). */
    public static SignResult result(SignRequest request, byte[] message, String address)
            throws GeneralSecurityException {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Signature s = Signature.getInstance("Ed25519");
        s.initSign(pair.getPrivate());
        s.update(message);
        byte[] spki = pair.getPublic().getEncoded();
        return new SignResult(
                UUID.randomUUID(),
                request.keyId(),
                CurveName.ED25519,
                "Ed25519",
                request.path().toString(),
                Hex.encode(Arrays.copyOfRange(spki, spki.length - 32, spki.length)),
                address,
                request.servers() == null ? SERVERS.subList(0, 2) : request.servers(),
                Hex.encode(MessageDigest.getInstance("SHA-256").digest(message)),
                Hex.encode(s.sign()),
                Instant.now());
    }
}
