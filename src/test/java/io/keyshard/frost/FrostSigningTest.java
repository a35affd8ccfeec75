package io.keyshard.frost;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.curve.Point;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** A random key split 2-of-3 and 3-of-5 signs with every signer set of the threshold size or more, in every suite. */
class FrostSigningTest {
    private static final byte[] MSG = "pay 1 unit to the bearer".getBytes(StandardCharsets.UTF_8);

    static Stream<Arguments> thresholds() {
        return Stream.of(Ciphersuite.values()).flatMap(s -> Stream.of(Arguments.of(s, 2, 3), Arguments.of(s, 3, 5)));
    }

    @ParameterizedTest(name = "{0} {1}-of-{2}")
    @MethodSource("thresholds")
    void everySignerSetSignsAndTheStandardVerifierAccepts(Ciphersuite suite, int t, int n) {
        Dealer.Keys keys = Dealer.random(suite, t, n);
        int signed = 0;
        for (int size = t; size <= n; size++) {
            for (List<Integer> ids : Dealer.subsets(n, size)) {
                List<KeyPackage> signers = ids.stream().map(keys.keys()::get).toList();
                byte[] sig = Dealer.sign(suite, signers, keys.pub(), MSG).encode(suite);
                assertEquals(suite.signatureLength(), sig.length);
                assertTrue(Signature.decode(suite, sig).verify(suite, keys.pub().groupKey(), MSG), "signers " + ids);
                Boolean standard = StandardVerifiers.accepts(suite, keys.pub().groupKey(), MSG, sig);
                assertTrue(standard == null || standard, "standard verifier, signers " + ids);
                signed++;
            }
        }
        assertEquals((1 << n) - countBelow(n, t), signed);
    }

    @ParameterizedTest
    @EnumSource(Ciphersuite.class)
    void fewerThanThresholdSignersAreRefused(Ciphersuite suite) {
        Dealer.Keys keys = Dealer.random(suite, 3, 5);
        SigningException e = assertThrows(
                SigningException.class,
                () -> Dealer.sign(suite, List.of(keys.keys().get(1), keys.keys().get(4)), keys.pub(), MSG));
        assertEquals(SigningCheck.SIGNER_SET, e.check());
    }

    @ParameterizedTest
    @EnumSource(Ciphersuite.class)
    void theCoordinatorRefusesToAggregateFewerSharesThanTheThreshold(Ciphersuite suite) {
        Dealer.Keys keys = Dealer.random(suite, 3, 5);
        // Signers misconfigured with threshold 2 sign; the coordinator still holds the key's threshold 3.
        List<KeyPackage> lax = List.of(2, 4).stream()
                .map(keys.keys()::get)
                .map(k -> new KeyPackage(k.identifier(), k.signingShare(), k.verifyingShare(), k.groupKey(), 2))
                .toList();
        Dealer.Run run = Dealer.shares(suite, lax, MSG);
        SigningException e = assertThrows(
                SigningException.class, () -> Aggregator.aggregate(suite, run.pkg(), run.shares(), keys.pub()));
        assertEquals(SigningCheck.SIGNER_SET, e.check());
    }

    @ParameterizedTest
    @EnumSource(Ciphersuite.class)
    void theCoordinatorRefusesARepeatedIdentifier(Ciphersuite suite) {
        Dealer.Keys keys = Dealer.random(suite, 2, 3);
        Dealer.Run run =
                Dealer.shares(suite, List.of(keys.keys().get(1), keys.keys().get(2)), MSG);
        List<SigningCommitments> twice = new ArrayList<>(run.pkg().commitments());
        twice.add(run.pkg().commitments().get(1));
        SigningPackage repeated = new SigningPackage(twice, MSG);
        SigningException e = assertThrows(
                SigningException.class, () -> Aggregator.aggregate(suite, repeated, run.shares(), keys.pub()));
        assertEquals(SigningCheck.SIGNER_SET, e.check());
        assertThrows(
                SigningException.class,
                () -> Aggregator.verifyShare(suite, repeated, run.shares().get(1), keys.pub()));
    }

    @ParameterizedTest
    @EnumSource(Ciphersuite.class)
    void aTamperedShareIsNamedAsTheCulprit(Ciphersuite suite) {
        Dealer.Keys keys = Dealer.random(suite, 3, 5);
        Dealer.Run run = Dealer.shares(
                suite,
                List.of(keys.keys().get(2), keys.keys().get(3), keys.keys().get(5)),
                MSG);
        Map<Integer, SignatureShare> shares = new TreeMap<>(run.shares());
        SignatureShare honest = shares.get(3);
        shares.put(3, new SignatureShare(3, honest.share().add(suite.scalars().of(1))));
        assertFalse(Aggregator.verifyShare(suite, run.pkg(), shares.get(3), keys.pub()));
        assertTrue(Aggregator.verifyShare(suite, run.pkg(), shares.get(2), keys.pub()));
        SigningException e =
                assertThrows(SigningException.class, () -> Aggregator.aggregate(suite, run.pkg(), shares, keys.pub()));
        assertEquals(SigningCheck.SIGNATURE_SHARE, e.check());
        assertEquals(List.of(3), e.culprits());

        shares.put(5, new SignatureShare(5, shares.get(5).share().negate()));
        SigningException both =
                assertThrows(SigningException.class, () -> Aggregator.aggregate(suite, run.pkg(), shares, keys.pub()));
        assertEquals(List.of(3, 5), both.culprits());
    }

    @ParameterizedTest
    @EnumSource(Ciphersuite.class)
    void theCallersVerifierIsTheAggregatesCheckAndItsRefusalChecksEveryShare(Ciphersuite suite) {
        Dealer.Keys keys = Dealer.random(suite, 2, 3);
        Dealer.Run run =
                Dealer.shares(suite, List.of(keys.keys().get(1), keys.keys().get(3)), MSG);
        Aggregator.Prepared prepared = Aggregator.prepare(suite, run.pkg(), keys.pub());
        List<Signature> seen = new ArrayList<>();
        Signature sig = prepared.aggregate(run.shares(), s -> seen.add(s));
        assertEquals(List.of(sig), seen, "the verifier saw the signature that is returned");
        assertTrue(sig.verify(suite, keys.pub().groupKey(), MSG));
        assertArrayEquals(
                sig.encode(suite), prepared.aggregate(run.shares()).encode(suite), "the same as RFC 9591's check");

        // every share good but the verifier refuses: the coordinator's, not a signer's
        SigningException refused =
                assertThrows(SigningException.class, () -> prepared.aggregate(run.shares(), s -> false));
        assertEquals(SigningCheck.SIGNATURE, refused.check());
        assertEquals(SigningException.COORDINATOR, refused.culpritId());

        // a bad share makes the verifier refuse; the share checks that follow name its signer
        Map<Integer, SignatureShare> shares = new TreeMap<>(run.shares());
        shares.put(
                3,
                new SignatureShare(3, shares.get(3).share().add(suite.scalars().of(1))));
        SigningException bad = assertThrows(
                SigningException.class,
                () -> prepared.aggregate(shares, s -> s.verify(suite, keys.pub().groupKey(), MSG)));
        assertEquals(SigningCheck.SIGNATURE_SHARE, bad.check());
        assertEquals(List.of(3), bad.culprits());
    }

    @ParameterizedTest
    @EnumSource(Ciphersuite.class)
    void aShareSignedWithAnotherSignersKeyIsNamed(Ciphersuite suite) {
        Dealer.Keys keys = Dealer.random(suite, 2, 3);
        Dealer.Keys other = Dealer.random(suite, 2, 3);
        // Signer 2 signs with a share of another key: its z_2 fails its own verification share.
        Dealer.Run run =
                Dealer.shares(suite, List.of(keys.keys().get(1), other.keys().get(2)), MSG);
        SigningException e = assertThrows(
                SigningException.class, () -> Aggregator.aggregate(suite, run.pkg(), run.shares(), keys.pub()));
        assertEquals(List.of(2), e.culprits());
    }

    @ParameterizedTest
    @EnumSource(Ciphersuite.class)
    void aGroupKeyTheSharesDoNotInterpolateToIsBlamedOnTheCoordinator(Ciphersuite suite) {
        Dealer.Keys keys = Dealer.random(suite, 2, 3);
        Point wrong = keys.pub().groupKey().add(suite.curve().generator());
        List<KeyPackage> signers = List.of(1, 2).stream()
                .map(keys.keys()::get)
                .map(k -> new KeyPackage(k.identifier(), k.signingShare(), k.verifyingShare(), wrong, k.minSigners()))
                .toList();
        SigningException e = assertThrows(
                SigningException.class,
                () -> Dealer.sign(
                        suite, signers, new PublicKeyPackage(keys.pub().verifyingShares(), wrong, 2), MSG));
        assertEquals(SigningCheck.SIGNATURE, e.check());
        assertEquals(SigningException.COORDINATOR, e.culpritId());
    }

    @ParameterizedTest
    @EnumSource(Ciphersuite.class)
    void aMissingShareNamesItsSigner(Ciphersuite suite) {
        Dealer.Keys keys = Dealer.random(suite, 2, 3);
        Dealer.Run run =
                Dealer.shares(suite, List.of(keys.keys().get(1), keys.keys().get(3)), MSG);
        Map<Integer, SignatureShare> shares = new TreeMap<>(run.shares());
        shares.remove(3);
        SigningException e =
                assertThrows(SigningException.class, () -> Aggregator.aggregate(suite, run.pkg(), shares, keys.pub()));
        assertEquals(SigningCheck.SHARE_SET, e.check());
        assertEquals(3, e.culpritId());
    }

    @ParameterizedTest
    @EnumSource(Ciphersuite.class)
    void freshNoncesDifferEachTimeButTheRandomSourceReproducesThem(Ciphersuite suite) {
        KeyPackage key = Dealer.random(suite, 2, 3).keys().get(1);
        SigningNonces a = Round1.commit(suite, key, Dealer.RANDOM::nextBytes);
        SigningNonces b = Round1.commit(suite, key, Dealer.RANDOM::nextBytes);
        assertNotEquals(a.commitments().hiding(), b.commitments().hiding());
        assertNotEquals(a.commitments().hiding(), a.commitments().binding());
        Round1.RandomBytes fixed = out -> Arrays.fill(out, (byte) 7);
        assertTrue(Round1.nonceGenerate(suite, key.signingShare(), fixed)
                .sameValue(Round1.nonceGenerate(suite, key.signingShare(), fixed)));
        // The share is hashed in: the same randomness gives another nonce under another share.
        KeyPackage other = Dealer.random(suite, 2, 3).keys().get(1);
        assertFalse(Round1.nonceGenerate(suite, key.signingShare(), fixed)
                .sameValue(Round1.nonceGenerate(suite, other.signingShare(), fixed)));
    }

    private static int countBelow(int n, int t) {
        int c = 0;
        for (int size = 0; size < t; size++) {
            c += Dealer.subsets(n, size).size();
        }
        return c;
    }
}
