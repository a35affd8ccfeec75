package io.keyshard.frost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.keyshard.address.Base58;
import io.keyshard.address.BitcoinAddresses;
import io.keyshard.address.TestVectors;
import io.keyshard.crypto.Digests;
import io.keyshard.curve.Curve;
import io.keyshard.curve.CurveName;
import io.keyshard.curve.Point;
import io.keyshard.derive.Network;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.util.Arrays;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Derived keys: shares moved by δ sign for Y + δ·G; BIP-340 even-Y and the BIP-341/BIP-86 TapTweak. */
class TweaksTest {
    private static final byte[] MSG = Hex.decode("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    private static final Ciphersuite TR = Ciphersuite.SECP256K1_TR;

    private static Signature signWith(Ciphersuite suite, List<KeyPackage> signers, PublicKeyPackage pub) {
        return Dealer.sign(suite, signers, pub, MSG);
    }

    @ParameterizedTest
    @EnumSource(Ciphersuite.class)
    void aDerivedKeySignsUnderYPlusDeltaG(Ciphersuite suite) {
        Dealer.Keys keys = Dealer.random(suite, 2, 3);
        Curve curve = suite.curve();
        BigInteger delta = curve.randomScalar(Dealer.RANDOM);
        PublicKeyPackage pub = Tweaks.derive(keys.pub(), delta);
        Point expected = curve.multiplyBase(keys.secret().add(delta).mod(curve.order()));
        assertEquals(expected, pub.groupKey());
        List<KeyPackage> signers = List.of(
                Tweaks.derive(keys.keys().get(1), delta),
                Tweaks.derive(keys.keys().get(3), delta));
        assertEquals(pub.verifyingShares().get(3), signers.get(1).verifyingShare());
        byte[] sig = signWith(suite, signers, pub).encode(suite);
        Boolean standard = StandardVerifiers.accepts(suite, expected, MSG, sig);
        assertTrue(standard == null || standard);
        assertTrue(Signature.decode(suite, sig).verify(suite, expected, MSG));
        assertFalse(Signature.decode(suite, sig).verify(suite, keys.pub().groupKey(), MSG), "not under the root key");
    }

    @ParameterizedTest
    @EnumSource(Ciphersuite.class)
    void aSignerMovedToAKnownDerivedKeyGetsTheSameKeyAsByItsTweak(Ciphersuite suite) {
        Dealer.Keys keys = Dealer.random(suite, 2, 3);
        Curve curve = suite.curve();
        BigInteger delta = curve.randomScalar(Dealer.RANDOM);
        Point derivedKey = keys.pub().groupKey().add(curve.multiplyBase(delta));
        KeyPackage byTweak = Tweaks.derive(keys.keys().get(2), delta);
        KeyPackage byKey = Tweaks.derive(keys.keys().get(2), delta, derivedKey);
        assertEquals(byTweak.groupKey(), byKey.groupKey());
        assertEquals(byTweak.verifyingShare(), byKey.verifyingShare());
        assertTrue(byTweak.signingShare().sameValue(byKey.signingShare()));
        PublicKeyPackage pubByKey = Tweaks.derive(keys.pub(), delta, derivedKey);
        assertEquals(Tweaks.derive(keys.pub(), delta).verifyingShares(), pubByKey.verifyingShares());
        assertEquals(derivedKey, pubByKey.groupKey());
        assertEquals(curve.multiplyBase(byKey.signingShare()), byKey.verifyingShare(), "x_i + δ matches Y_i + δ·G");
        assertThrows(
                IllegalArgumentException.class,
                () -> Tweaks.derive(keys.keys().get(2), curve.order(), derivedKey),
                "a tweak outside [0, n-1] is refused as by the tweak alone");
    }

    @Test
    void bip340SignsForKeysOfBothParities() {
        Set<Boolean> parities = new HashSet<>();
        for (int s = 1; s <= 6; s++) {
            Dealer.Keys keys = Dealer.split(TR, BigInteger.valueOf(s), 2, 3);
            parities.add(Bip340.hasEvenY(keys.pub().groupKey()));
            byte[] sig = signWith(TR, List.of(keys.keys().get(2), keys.keys().get(3)), keys.pub())
                    .encode(TR);
            assertTrue(Bip340.verify(Bip340.x(keys.pub().groupKey()), MSG, sig), "secret " + s);
        }
        assertEquals(Set.of(true, false), parities, "both an even and an odd group key were signed for");
    }

    @Test
    void bip86KeyPathSignaturesVerifyUnderTheProjectsP2trOutputKey() {
        Set<Boolean> internal = new HashSet<>();
        Set<Boolean> output = new HashSet<>();
        for (int s = 1; s <= 8; s++) {
            Dealer.Keys keys = Dealer.split(TR, BigInteger.valueOf(s), 2, 3);
            PublicKeyPackage tweaked = Tweaks.taproot(keys.pub(), null);
            String p2trOutput = BitcoinAddresses.p2tr(
                            CurveName.SECP256K1_SCHNORR, keys.pub().groupKey(), Network.MAINNET)
                    .details()
                    .get("outputKey");
            assertEquals(p2trOutput, Hex.toHexString(Bip340.x(tweaked.groupKey())));
            internal.add(Bip340.hasEvenY(keys.pub().groupKey()));
            output.add(Bip340.hasEvenY(tweaked.groupKey()));
            List<KeyPackage> signers = List.of(
                    Tweaks.taproot(keys.keys().get(1), null),
                    Tweaks.taproot(keys.keys().get(2), null));
            byte[] sig = signWith(TR, signers, tweaked).encode(TR);
            assertTrue(Bip340.verify(Hex.decode(p2trOutput), MSG, sig), "secret " + s);
            assertFalse(Bip340.verify(Bip340.x(keys.pub().groupKey()), MSG, sig), "not under the internal key");
        }
        assertEquals(Set.of(true, false), internal, "internal keys of both parities");
        assertEquals(Set.of(true, false), output, "output keys of both parities");
    }

    @Test
    void bip86VectorKeysSplitAndSignUnderThePublishedOutputKeys() {
        int checked = 0;
        for (JsonNode a :
                TestVectors.list(TestVectors.load("bip86_taproot.json").get("addresses"))) {
            byte[] xprv = Base58.decodeCheck(a.get("xprv").asText());
            BigInteger secret = new BigInteger(1, Arrays.copyOfRange(xprv, xprv.length - 32, xprv.length));
            Dealer.Keys keys = Dealer.split(TR, secret, 3, 5);
            assertEquals(
                    a.get("internal_key").asText(),
                    Hex.toHexString(Bip340.x(keys.pub().groupKey())));
            PublicKeyPackage tweaked = Tweaks.taproot(keys.pub(), null);
            assertEquals(a.get("output_key").asText(), Hex.toHexString(Bip340.x(tweaked.groupKey())));
            List<KeyPackage> signers = List.of(1, 4, 5).stream()
                    .map(i -> Tweaks.taproot(keys.keys().get(i), null))
                    .toList();
            byte[] sig = signWith(TR, signers, tweaked).encode(TR);
            assertTrue(
                    Bip340.verify(Hex.decode(a.get("output_key").asText()), MSG, sig),
                    a.get("path").asText());
            checked++;
        }
        assertEquals(3, checked);
    }

    @Test
    void aScriptTreeRootIsCommittedToByTheTweak() {
        byte[] root = Digests.sha256("a script tree".getBytes(StandardCharsets.UTF_8));
        for (int s = 1; s <= 4; s++) {
            Dealer.Keys keys = Dealer.split(TR, BigInteger.valueOf(1000 + s), 2, 3);
            Point internal = keys.pub().groupKey();
            Point even = Bip340.hasEvenY(internal) ? internal : internal.negate();
            BigInteger t =
                    new BigInteger(1, Digests.taggedHash("TapTweak", Arrays.concatenate(Bip340.x(internal), root)));
            Point q = even.add(TR.curve().generator().multiply(t));
            PublicKeyPackage tweaked = Tweaks.taproot(keys.pub(), root);
            assertEquals(q, tweaked.groupKey());
            List<KeyPackage> signers = List.of(
                    Tweaks.taproot(keys.keys().get(1), root),
                    Tweaks.taproot(keys.keys().get(3), root));
            byte[] sig = signWith(TR, signers, tweaked).encode(TR);
            assertTrue(Bip340.verify(Bip340.x(q), MSG, sig));
            assertFalse(
                    Bip340.verify(Bip340.x(Tweaks.taproot(keys.pub(), null).groupKey()), MSG, sig),
                    "not under the key-path-only output key");
        }
    }

    @Test
    void aDerivedChildThenTaprootVerifiesUnderTheChildsP2trOutputKey() {
        Dealer.Keys keys = Dealer.random(TR, 3, 5);
        BigInteger delta = TR.curve().randomScalar(Dealer.RANDOM);
        PublicKeyPackage child = Tweaks.derive(keys.pub(), delta);
        PublicKeyPackage output = Tweaks.taproot(child, null);
        String p2tr = BitcoinAddresses.p2tr(CurveName.SECP256K1_SCHNORR, child.groupKey(), Network.MAINNET)
                .details()
                .get("outputKey");
        assertEquals(p2tr, Hex.toHexString(Bip340.x(output.groupKey())));
        List<KeyPackage> signers = List.of(2, 3, 5).stream()
                .map(i -> Tweaks.taproot(Tweaks.derive(keys.keys().get(i), delta), null))
                .toList();
        byte[] sig = signWith(TR, signers, output).encode(TR);
        assertTrue(Bip340.verify(Hex.decode(p2tr), MSG, sig));
    }
}
