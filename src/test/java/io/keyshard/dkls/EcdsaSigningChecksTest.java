package io.keyshard.dkls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.curve.CurveName;
import io.keyshard.dkls.SignMessages.Commit;
import io.keyshard.dkls.SignMessages.MulResponse;
import io.keyshard.dkls.SignMessages.Partial;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every check of DKLs23 Protocol 3.6 refuses a tampered message and names the party that sent it. */
class EcdsaSigningChecksTest {
    private static final List<Integer> SIGNERS = List.of(1, 2, 3);
    private static final byte[] DIGEST = new byte[32];

    static {
        DIGEST[5] = 7;
    }

    private final Committee c = new Committee(Group.of(CurveName.SECP256K1), 2, 3, false, "checks");

    @Test
    void anHonestRunSigns() {
        EcdsaSignature sig = c.sign(SIGNERS, DIGEST, "honest").get(1);
        assertTrue(sig.verify(c.g, c.publicKey, DIGEST));
    }

    @Test
    void anotherNonceConsistencyPointNamesItsSenderAndBurnsThePairsSetup() {
        c.onResponse = m -> m.from() == 2 && m.to() == 1
                ? new MulResponse(
                        m.from(),
                        m.to(),
                        m.commitsSeen(),
                        m.mul(),
                        m.nonce(),
                        m.salt(),
                        m.keyShare(),
                        m.gammaU().add(c.g.curve().generator()),
                        m.gammaV(),
                        m.psi())
                : m;
        assertAbort(2, Check.NONCE_CONSISTENCY);
        assertTrue(c.asReceiver.get(1).get(2).isBurned(), "party 1's seeds as receiver from party 2");
    }

    @Test
    void anotherKeySharePointNamesItsSender() {
        c.onResponse = m -> m.from() == 3
                ? new MulResponse(
                        m.from(),
                        m.to(),
                        m.commitsSeen(),
                        m.mul(),
                        m.nonce(),
                        m.salt(),
                        m.keyShare().add(c.g.curve().generator()),
                        m.gammaU(),
                        m.gammaV(),
                        m.psi())
                : m;
        assertAbort(3, Check.KEY_CONSISTENCY);
    }

    @Test
    void aNonceThatIsNotTheCommittedOneNamesItsSender() {
        c.onResponse = m -> m.from() == 2
                ? new MulResponse(
                        m.from(),
                        m.to(),
                        m.commitsSeen(),
                        m.mul(),
                        m.nonce().add(c.g.curve().generator()),
                        m.salt(),
                        m.keyShare(),
                        m.gammaU(),
                        m.gammaV(),
                        m.psi())
                : m;
        assertAbort(2, Check.COMMITMENT);
    }

    @Test
    void aTamperedMultiplicationNamesItsSenderAndBurnsThePairsSetup() {
        c.onResponse = m -> {
            if (m.from() == 3 && m.to() == 2) {
                RvoleTest.addToTau(c.g, m.mul().tau(), 100, 1, c.g.of(BigInteger.ONE));
            }
            return m;
        };
        ProtocolAbort abort = assertThrows(ProtocolAbort.class, () -> c.sign(SIGNERS, DIGEST, "mul"));
        assertEquals(3, abort.culprit());
        assertEquals(Check.MULTIPLICATION, abort.check());
        assertTrue(c.asReceiver.get(2).get(3).isBurned());
    }

    @Test
    void aSplitViewOfTheCommitmentsIsCaught() {
        int[] calls = {0};
        c.onCommits = all -> {
            if (calls[0]++ != 0) {
                return all;
            }
            // The relay shows the first signer another commitment of party 3.
            List<Commit> changed = new ArrayList<>(all);
            Commit three = changed.get(2);
            byte[] other = three.commitment().clone();
            other[0] ^= 1;
            changed.set(2, new Commit(three.from(), three.request(), other));
            return changed;
        };
        ProtocolAbort abort = assertThrows(ProtocolAbort.class, () -> c.sign(SIGNERS, DIGEST, "split"));
        assertEquals(Check.SPLIT_VIEW, abort.check());
    }

    @Test
    void aCommitmentBoundToAnotherRequestNamesItsSender() {
        c.onCommits = all -> all.stream()
                .map(m -> m.from() == 2 ? new Commit(2, new byte[32], m.commitment()) : m)
                .toList();
        assertAbort(2, Check.REQUEST);
    }

    @Test
    void aChangedPartialGivesNoSignature() {
        c.onPartial =
                p -> p.from() == 2 ? new Partial(p.from(), p.view(), p.u().add(c.g.of(BigInteger.ONE)), p.w()) : p;
        assertAbort(ProtocolAbort.UNATTRIBUTED, Check.SIGNATURE);
    }

    @Test
    void aPartialMadeWithAnotherNonceNamesItsSender() {
        c.onPartial = p -> p.from() == 3 ? new Partial(p.from(), new byte[32], p.u(), p.w()) : p;
        assertAbort(3, Check.SPLIT_VIEW);
    }

    @Test
    void aRequestForAnotherKeyIsRefused() {
        Committee other = new Committee(c.g, 2, 3, false, "other key");
        SignRequest req = new SignRequest("k".getBytes(StandardCharsets.US_ASCII), SIGNERS, DIGEST, other.publicKey);
        Map<Integer, Signer> parties = new HashMap<>();
        for (int i : SIGNERS) {
            parties.put(
                    i,
                    new Signer(
                            c.g,
                            req,
                            i,
                            c.shares.get(i),
                            c.zero.get(i),
                            c.asSender.get(i),
                            c.asReceiver.get(i),
                            c.random));
        }
        List<Commit> commits = new ArrayList<>();
        List<SignMessages.MulRequest> requests = new ArrayList<>();
        for (int i : SIGNERS) {
            Signer.Round1 r1 = parties.get(i).round1();
            commits.add(r1.broadcast());
            requests.addAll(r1.direct().values());
        }
        List<MulResponse> responses = new ArrayList<>();
        for (int i : SIGNERS) {
            responses.addAll(parties.get(i)
                    .round2(commits, requests.stream().filter(m -> m.to() == i).toList())
                    .values());
        }
        ProtocolAbort abort = assertThrows(
                ProtocolAbort.class,
                () -> parties.get(1)
                        .round3(responses.stream().filter(m -> m.to() == 1).toList()));
        assertEquals(Check.PUBLIC_KEY, abort.check());
    }

    @Test
    void aRoundRunsOnce() {
        SignRequest req = new SignRequest("once".getBytes(StandardCharsets.US_ASCII), SIGNERS, DIGEST, c.publicKey);
        Signer s = new Signer(
                c.g, req, 1, c.shares.get(1), c.zero.get(1), c.asSender.get(1), c.asReceiver.get(1), c.random);
        s.round1();
        assertThrows(IllegalStateException.class, s::round1);
        assertThrows(IllegalStateException.class, () -> s.round3(List.of()));
    }

    private void assertAbort(int culprit, Check check) {
        ProtocolAbort abort = assertThrows(ProtocolAbort.class, () -> c.sign(SIGNERS, DIGEST, "tampered"));
        assertEquals(culprit, abort.culprit(), abort.getMessage());
        assertEquals(check, abort.check(), abort.getMessage());
    }
}
