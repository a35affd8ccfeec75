package io.keyshard.payload.bitcoin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.keyshard.address.TestVectors;
import io.keyshard.crypto.Digests;
import io.keyshard.curve.Curve;
import io.keyshard.curve.CurveName;
import io.keyshard.curve.Point;
import io.keyshard.frost.Bip340;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;

/** Signature hashes against Bitcoin Core's sighash.json, the BIP-143 example and the BIP-341 wallet vectors. */
class SighashTest {
    private static final Curve SECP = CurveName.SECP256K1_SCHNORR.curve();

    @Test
    void legacyMatchesBitcoinCoreRows() {
        int checked = 0;
        for (JsonNode row :
                TestVectors.list(TestVectors.load("bitcoin/sighash_legacy.json").get("rows"))) {
            Transaction tx = Transaction.parseHex(row.get(0).asText());
            byte[] hash = Sighash.legacy(
                    tx,
                    row.get(2).asInt(),
                    Hex.decode(row.get(1).asText()),
                    row.get(3).asInt());
            assertEquals(row.get(4).asText(), Hex.toHexString(Transaction.reversed(hash)), "row " + checked);
            assertEquals(row.get(0).asText(), Hex.toHexString(tx.serialize()), "round trip of row " + checked);
            checked++;
        }
        assertEquals(12, checked);
    }

    @Test
    void legacySingleWithoutMatchingOutputIsTheNumberOne() {
        Transaction tx = Transaction.parseHex(TestVectors.load("bitcoin/sighash_legacy.json")
                .get("rows")
                .get(6)
                .get(0)
                .asText());
        assertTrue(tx.inputs().size() > tx.outputs().size());
        byte[] one = new byte[32];
        one[0] = 1;
        int last = tx.inputs().size() - 1;
        assertArrayEquals(one, Sighash.legacy(tx, last, new byte[0], Sighash.SINGLE));
        assertArrayEquals(one, Sighash.legacy(tx, last, new byte[0], Sighash.SINGLE | Sighash.ANYONECANPAY));
        assertNotEquals(Hex.toHexString(one), Hex.toHexString(Sighash.legacy(tx, 0, new byte[0], Sighash.SINGLE)));
    }

    @Test
    void bip143NativeP2wpkhExample() {
        Transaction unsigned =
                Transaction.parseHex("0100000002fff7f7881a8099afa6940d42d1e7f6362bec38171ea3edf433541db4e4ad969f"
                        + "0000000000eeffffffef51e1b804cc89d182d279655c3aa89e815b1b309fe287d9b2b55d57b90ec68a0100000000ffffffff02202cb206"
                        + "000000001976a9148280b37df378db99f66f85c95a783a76ac7a6d5988ac9093510d000000001976a9143bde42dbee7e4dbe6a21b2d50ce2"
                        + "f0167faa815988ac11000000");
        byte[] scriptCode = Sighash.p2wpkhScriptCode(Hex.decode("1d0f172a0ecb48aee1be1f2687d2963ae33f71a1"));
        byte[] hash = Sighash.segwitV0(unsigned, 1, scriptCode, 600_000_000L, Sighash.ALL);
        assertEquals("c37af31116d1b27caf68aae9e3ac82f1477929014d5b917657d0eb49478cb670", Hex.toHexString(hash));
        BigInteger[] rs =
                Der.decode(Hex.decode("304402203609e17b84f6a7d30c80bfa610b5b4542f32a8a0d5447a12fb1366d7f01cc44a0220573a"
                        + "954c4518331561406f90300e8f3358f51928d43c212a8caed02de67eebee"));
        assertTrue(PsbtSignatures.verifyEcdsa(
                Hex.decode("025476c2e83188368da1ff3e292e7acafcdb3566bb0ad253f62fc70f07aeee6357"), hash, rs[0], rs[1]));
    }

    @Test
    void bip143SignedTransactionRoundTripsAndKeepsItsTxid() {
        String signed =
                "01000000000102fff7f7881a8099afa6940d42d1e7f6362bec38171ea3edf433541db4e4ad969f00000000494830450221"
                        + "008b9d1dc26ba6a9cb62127b02742fa9d754cd3bebf337f7a55d114c8e5cdd30be022040529b194ba3f9281a99f2b1c0a19c0489bc22e"
                        + "de944ccf4ecbab4cc618ef3ed01eeffffffef51e1b804cc89d182d279655c3aa89e815b1b309fe287d9b2b55d57b90ec68a0100000000ff"
                        + "ffffff02202cb206000000001976a9148280b37df378db99f66f85c95a783a76ac7a6d5988ac9093510d000000001976a9143bde42dbee"
                        + "7e4dbe6a21b2d50ce2f0167faa815988ac000247304402203609e17b84f6a7d30c80bfa610b5b4542f32a8a0d5447a12fb1366d7f01cc4"
                        + "4a0220573a954c4518331561406f90300e8f3358f51928d43c212a8caed02de67eebee0121025476c2e83188368da1ff3e292e7acafcdb"
                        + "3566bb0ad253f62fc70f07aeee635711000000";
        Transaction tx = Transaction.parseHex(signed);
        assertEquals(signed, Hex.toHexString(tx.serialize()));
        assertEquals(2, tx.inputs().get(1).witness().size());
        Transaction stripped = Transaction.parse(tx.serializeLegacy());
        assertEquals(tx.txidHex(), stripped.txidHex());
        assertNotEquals(tx.txidHex(), tx.wtxidHex());
        assertEquals(stripped.txidHex(), stripped.wtxidHex());
    }

    @Test
    void bip341EveryKeyPathSighashAndTweak() {
        JsonNode vector = TestVectors.load("bitcoin/bip341_wallet_test_vectors.json")
                .get("keyPathSpending")
                .get(0);
        Transaction tx =
                Transaction.parseHex(vector.get("given").get("rawUnsignedTx").asText());
        List<Transaction.TxOut> spent = spentOutputs(vector);
        int checked = 0;
        for (JsonNode in : vector.get("inputSpending")) {
            JsonNode given = in.get("given");
            JsonNode mid = in.get("intermediary");
            int index = given.get("txinIndex").asInt();
            int hashType = given.get("hashType").asInt();
            byte[] msg = Sighash.taprootSigMsg(tx, index, spent, hashType, null, true);
            assertEquals(mid.get("sigMsg").asText(), Hex.toHexString(msg), "sigMsg of input " + index);
            byte[] sighash = Sighash.taprootKeyPath(tx, index, spent, hashType, null);
            assertEquals(mid.get("sigHash").asText(), Hex.toHexString(sighash), "sigHash of input " + index);

            BigInteger d =
                    new BigInteger(1, Hex.decode(given.get("internalPrivkey").asText()));
            Point internal = SECP.multiplyBase(d);
            assertEquals(mid.get("internalPubkey").asText(), Hex.toHexString(Bip340.x(internal)));
            byte[] root = given.get("merkleRoot").isNull()
                    ? null
                    : Hex.decode(given.get("merkleRoot").asText());
            byte[] outputKey = Taproot.outputKey(Bip340.x(internal), root);
            assertEquals(mid.get("tweak").asText(), Hex.toHexString(Taproot.tweak(Bip340.x(internal), root)));
            assertArrayEquals(Scripts.p2tr(outputKey), spent.get(index).scriptPubKey(), "output key of input " + index);
            Point tweakedPriv = SECP.multiplyBase(
                    new BigInteger(1, Hex.decode(mid.get("tweakedPrivkey").asText())));
            assertArrayEquals(outputKey, Bip340.x(tweakedPriv));

            byte[] witnessSig =
                    Hex.decode(in.get("expected").get("witness").get(0).asText());
            assertEquals(hashType == 0 ? 64 : 65, witnessSig.length);
            assertTrue(Bip340.verify(outputKey, sighash, Arrays.copyOf(witnessSig, 64)), "witness of input " + index);
            checked++;
        }
        assertEquals(7, checked);
    }

    @Test
    void bip341AnnexIsCommittedTo() {
        JsonNode vector = TestVectors.load("bitcoin/bip341_wallet_test_vectors.json")
                .get("keyPathSpending")
                .get(0);
        Transaction tx =
                Transaction.parseHex(vector.get("given").get("rawUnsignedTx").asText());
        List<Transaction.TxOut> spent = spentOutputs(vector);
        byte[] annex = Hex.decode("50aabb");
        byte[] without = Sighash.taprootSigMsg(tx, 0, spent, Sighash.ALL, null, false);
        byte[] with = Sighash.taprootSigMsg(tx, 0, spent, Sighash.ALL, annex, false);
        // Same prefix up to spend_type; spend_type 1 and SHA256(compact_size(annex) ‖ annex) after the input index.
        int spendType = without.length - 1 - 4;
        assertEquals(0, without[spendType]);
        assertEquals(1, with[spendType]);
        assertArrayEquals(Arrays.copyOf(without, spendType), Arrays.copyOf(with, spendType));
        assertArrayEquals(
                Digests.sha256(Hex.decode("0350aabb")), Arrays.copyOfRange(with, with.length - 32, with.length));
        assertThrows(
                IllegalArgumentException.class,
                () -> Sighash.taprootSigMsg(tx, 0, spent, Sighash.ALL, Hex.decode("51"), false));
        assertThrows(IllegalArgumentException.class, () -> Sighash.taprootSigMsg(tx, 0, spent, 0x04, null, false));
        assertThrows(IllegalArgumentException.class, () -> Sighash.taprootSigMsg(tx, 0, spent, -1, null, false));
    }

    private static List<Transaction.TxOut> spentOutputs(JsonNode vector) {
        List<Transaction.TxOut> spent = new ArrayList<>();
        for (JsonNode u : vector.get("given").get("utxosSpent")) {
            spent.add(new Transaction.TxOut(
                    u.get("amountSats").asLong(),
                    Hex.decode(u.get("scriptPubKey").asText())));
        }
        return spent;
    }
}
