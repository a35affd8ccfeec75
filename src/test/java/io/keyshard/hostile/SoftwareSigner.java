package io.keyshard.hostile;

import io.keyshard.bytes.ByteArrays;
import io.keyshard.client.Workspace;
import io.keyshard.curve.Point;
import io.keyshard.curve.Scalar;
import io.keyshard.derive.DerivationPath;
import io.keyshard.derive.PublicDerivation;
import io.keyshard.dkls.DklsCodec;
import io.keyshard.dkls.Group;
import io.keyshard.dkls.SignMessages.Commit;
import io.keyshard.dkls.SignMessages.MulRequest;
import io.keyshard.dkls.SignMessages.MulResponse;
import io.keyshard.dkls.SignRequest;
import io.keyshard.dkls.Signer;
import io.keyshard.dkls.ZeroSharing;
import io.keyshard.node.SetupAccess;
import io.keyshard.vault.KeyRecord;
import io.keyshard.vault.Vault;
import io.keyshard.wire.DklsMessage;
import io.keyshard.wire.SignRound1Request;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Test-only: a modified server of a two-signer signing with ALPHA (id 11), run in the test with that server's own
 * stored pairwise setup and identity keys but any key share it likes: its messages are well formed, sealed and
 * signed, and its multiplication is consistent with the key share it claims.
 */
final class SoftwareSigner {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int PEER = 11;
    private final DklsRounds rounds;
    private final Group g;
    private final DklsCodec codec;
    private final UUID signId;
    private final SignRound1Request r;
    private final int self;
    private final Signer signer;
    private final UUID setupId;
    private Commit ownCommit;

    SoftwareSigner(
            HostileCluster cluster,
            DklsRounds rounds,
            String name,
            UUID keyId,
            UUID signId,
            SignRound1Request r,
            Scalar share)
            throws Exception {
        this.rounds = rounds;
        this.signId = signId;
        this.r = r;
        this.self = cluster.node(name).entry.id();
        SetupAccess.Pair pair =
                SetupAccess.read(cluster.node(name), keyId).pairs().get(PEER);
        this.setupId = pair.setupId();
        KeyRecord key;
        try (Vault vault = cluster.openVault();
                Workspace ws = Workspace.open(cluster.home, vault)) {
            key = ws.key(keyId).orElseThrow();
        }
        this.g = Group.of(key.curve());
        this.codec = new DklsCodec(g);
        Point derived = PublicDerivation.derive(Workspace.rootOf(key).key(), DerivationPath.parse(r.path()))
                .key()
                .point();
        SignRequest req = new SignRequest(
                DklsRounds.requestHash(signId, r),
                r.signers().stream().sorted().toList(),
                DklsRounds.digestOf(r),
                derived);
        this.signer = new Signer(
                g,
                req,
                self,
                share,
                new ZeroSharing(self, Map.of(PEER, pair.zeroSeed())),
                Map.of(PEER, pair.asSender()),
                Map.of(PEER, pair.asReceiver()),
                RANDOM);
    }

    /** Round 1: the broadcast (setup id and commitment) and the multiplication request to ALPHA, signed. */
    List<DklsMessage> round1() throws Exception {
        Signer.Round1 one = signer.round1();
        ownCommit = one.broadcast();
        byte[] id = ByteBuffer.allocate(16)
                .putLong(setupId.getMostSignificantBits())
                .putLong(setupId.getLeastSignificantBits())
                .array();
        List<DklsMessage> out = new ArrayList<>();
        out.add(rounds.forge(
                signId, r, 1, self, DklsMessage.BROADCAST, ByteArrays.concat(id, codec.encode(one.broadcast()))));
        out.add(rounds.forge(signId, r, 1, self, PEER, codec.encode(one.direct().get(PEER))));
        return out;
    }

    /** Round 2 from ALPHA's round-1 messages: the answer to its multiplication, sealed to it and signed. */
    DklsMessage round2(List<DklsMessage> alphaRound1) throws Exception {
        List<Commit> commits = new ArrayList<>();
        List<MulRequest> requests = new ArrayList<>();
        for (DklsMessage m : alphaRound1) {
            if (m.recipient() == DklsMessage.BROADCAST) {
                byte[] b = m.body();
                commits.add(codec.decodeCommit(Arrays.copyOfRange(b, 16, b.length), PEER));
            } else if (m.recipient() == self) {
                requests.add(codec.decodeMulRequest(rounds.open(m, signId, r, 1), PEER));
            }
        }
        commits.add(ownCommit);
        MulResponse answer = signer.round2(commits, requests).get(PEER);
        return rounds.forge(signId, r, 2, self, PEER, codec.encode(answer));
    }
}
