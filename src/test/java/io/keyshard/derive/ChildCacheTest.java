package io.keyshard.derive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.keyshard.curve.CurveName;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A child that derive remembers is exactly the child a new derivation gives, and is found only for the same inputs. */
class ChildCacheTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    @ParameterizedTest
    @EnumSource(CurveName.class)
    void aRememberedChildEqualsTheComputedOneAndDepthIsPartOfTheKey(CurveName curve) {
        byte[] chain = new byte[32];
        RANDOM.nextBytes(chain);
        ExtendedPublicKey root = new ExtendedPublicKey(
                curve, curve.curve().multiplyBase(curve.curve().randomScalar(RANDOM)), chain, 0, 0, 0);
        DerivationPath path = DerivationPath.parse("m/44/60/0/0/7");
        DerivedKey first = PublicDerivation.derive(root, path);
        DerivedKey again = PublicDerivation.derive(root, path);
        assertArrayEquals(first.key().publicKey(), again.key().publicKey());
        assertArrayEquals(first.key().chainCode(), again.key().chainCode());
        assertEquals(first.tweak(), again.tweak());
        assertEquals(5, again.key().depth());

        // Step by step from the root gives the same key as the (now remembered) path.
        ExtendedPublicKey k = root;
        for (int index : path.indices()) {
            k = PublicDerivation.child(k, index);
        }
        assertArrayEquals(first.key().publicKey(), k.publicKey());
        assertEquals(first.key().parentFingerprint(), k.parentFingerprint());

        // The same point and chain code at another depth: same public key, its own depth.
        ExtendedPublicKey deeper = new ExtendedPublicKey(curve, root.point(), chain, 3, 0x01020304, 9);
        ExtendedPublicKey child = PublicDerivation.child(deeper, 44);
        assertEquals(4, child.depth());
        assertArrayEquals(PublicDerivation.child(root, 44).publicKey(), child.publicKey());
        assertEquals(1, PublicDerivation.child(root, 44).depth());

        // Another chain code: another child.
        byte[] other = chain.clone();
        other[31] ^= 1;
        assertNotEquals(
                HexFormat.of().formatHex(first.key().publicKey()),
                HexFormat.of()
                        .formatHex(PublicDerivation.derive(
                                        new ExtendedPublicKey(curve, root.point(), other, 0, 0, 0), path)
                                .key()
                                .publicKey()));
    }
}
