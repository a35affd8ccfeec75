package io.keyshard.node;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sealed share opens only for the node, keyId, curve and public context it was sealed for, and only unmodified. */
class ShareSealerTest {
    private static final byte[] CONTEXT = new byte[32];
    private static final byte[] OTHER_CONTEXT = {1};

    @TempDir
    Path dir;

    @Test
    void sealedPairSeedsAreBoundToCurveBothIdentitiesSetupAndNodeAndAreNotAShare() throws Exception {
        SecureRandom random = new SecureRandom();
        NodeFiles files = new NodeFiles(dir);
        ShareSealer.createMasterKey(files.masterKey(), random);
        byte[] seeds = new byte[100];
        random.nextBytes(seeds);
        byte[] self = new byte[32];
        byte[] peer = new byte[32];
        byte[] third = new byte[32];
        random.nextBytes(self);
        random.nextBytes(peer);
        random.nextBytes(third);
        UUID setupId = UUID.randomUUID();
        try (ShareSealer node1 = ShareSealer.open(files, 1);
                ShareSealer node2 = ShareSealer.open(files, 2)) {
            byte[] sealed = node1.sealPair("P256", self, peer, setupId, seeds);
            assertArrayEquals(seeds, node1.openPair("P256", self, peer, setupId, sealed));
            assertThrows(
                    GeneralSecurityException.class,
                    () -> node1.openPair("P256", self, third, setupId, sealed),
                    "moved to another peer's row");
            assertThrows(
                    GeneralSecurityException.class,
                    () -> node1.openPair("P256", peer, self, setupId, sealed),
                    "read as the pair seen from the other end");
            assertThrows(
                    GeneralSecurityException.class,
                    () -> node1.openPair("P256", self, peer, UUID.randomUUID(), sealed),
                    "read as another setup");
            assertThrows(
                    GeneralSecurityException.class,
                    () -> node1.openPair("SECP256K1", self, peer, setupId, sealed),
                    "moved to another curve");
            assertThrows(
                    GeneralSecurityException.class,
                    () -> node2.openPair("P256", self, peer, setupId, sealed),
                    "opened by another node id");
            assertThrows(
                    GeneralSecurityException.class,
                    () -> node1.open(UUID.randomUUID(), "P256", CONTEXT, sealed),
                    "taken for a share");
        }
    }

    @Test
    void aSealedShareIsBoundToNodeKeyIdCurveAndContext() throws Exception {
        SecureRandom random = new SecureRandom();
        NodeFiles files = new NodeFiles(dir);
        ShareSealer.createMasterKey(files.masterKey(), random);
        byte[] share = new byte[32];
        random.nextBytes(share);
        UUID keyId = UUID.randomUUID();
        try (ShareSealer node1 = ShareSealer.open(files, 1);
                ShareSealer node2 = ShareSealer.open(files, 2)) {
            byte[] sealed = node1.seal(keyId, "SECP256k1", CONTEXT, share);
            ShareSealer.Opened opened = node1.open(keyId, "SECP256k1", CONTEXT, sealed);
            assertArrayEquals(share, opened.share());
            assertEquals(ShareSealer.FORMAT_VERSION, opened.version());
            assertThrows(
                    GeneralSecurityException.class,
                    () -> node1.open(keyId, "SECP256k1", OTHER_CONTEXT, sealed),
                    "left under another public result (group key, verification shares, chain code, setup)");
            assertThrows(
                    GeneralSecurityException.class,
                    () -> node1.open(UUID.randomUUID(), "SECP256k1", CONTEXT, sealed),
                    "moved to another keyId");
            assertThrows(
                    GeneralSecurityException.class,
                    () -> node1.open(keyId, "SECP256K1_SCHNORR", CONTEXT, sealed),
                    "read as another curve");
            assertThrows(
                    GeneralSecurityException.class,
                    () -> node2.open(keyId, "SECP256k1", CONTEXT, sealed),
                    "opened by another node id");
            byte[] flipped = sealed.clone();
            flipped[flipped.length - 1] ^= 1;
            assertThrows(
                    GeneralSecurityException.class, () -> node1.open(keyId, "SECP256k1", CONTEXT, flipped), "modified");
            byte[] otherVersion = sealed.clone();
            otherVersion[0] = 2;
            assertThrows(
                    GeneralSecurityException.class,
                    () -> node1.open(keyId, "SECP256k1", CONTEXT, otherVersion),
                    "unknown format version");
        }
        assertThrows(
                FileAlreadyExistsException.class,
                () -> ShareSealer.createMasterKey(files.masterKey(), random),
                "a master key is never overwritten");
    }

    @Test
    void aShareSealedByAnEarlierBuildStillOpens() throws Exception {
        Path from = Path.of(
                ShareSealerTest.class.getResource("/io/keyshard/compat/node").toURI());
        Files.copy(from.resolve("master.key"), dir.resolve("master.key"));
        byte[] sealed = HexFormat.of()
                .parseHex(Files.readString(from.resolve("sealed-share.hex")).strip());
        byte[] expected = new byte[32];
        for (int i = 0; i < 32; i++) {
            expected[i] = (byte) (0xa0 + i);
        }
        UUID keyId = UUID.fromString("0b0e4bde-7e5f-4c43-9a8c-4d1c1e7c9b01");
        try (ShareSealer node7 = ShareSealer.open(new NodeFiles(dir), 7)) {
            // format 1 binds no context: it opens whatever the caller's, which then checks the node's signed result
            ShareSealer.Opened opened = node7.open(keyId, "SECP256k1", CONTEXT, sealed);
            assertArrayEquals(expected, opened.share());
            assertEquals(ShareSealer.LEGACY_VERSION, opened.version());
            assertThrows(
                    GeneralSecurityException.class, () -> node7.open(UUID.randomUUID(), "SECP256k1", CONTEXT, sealed));
            assertThrows(GeneralSecurityException.class, () -> node7.open(keyId, "P256", CONTEXT, sealed));
            sealed[sealed.length - 1] ^= 1;
            assertThrows(GeneralSecurityException.class, () -> node7.open(keyId, "SECP256k1", CONTEXT, sealed));
        }
    }
}
