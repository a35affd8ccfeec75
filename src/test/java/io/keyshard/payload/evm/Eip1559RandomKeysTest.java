package io.keyshard.payload.evm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.keyshard.address.AccountAddresses;
import io.keyshard.bytes.Hex;
import io.keyshard.curve.Curve;
import io.keyshard.curve.CurveName;
import io.keyshard.derive.DerivationPath;
import io.keyshard.derive.DerivedKey;
import io.keyshard.derive.ExtendedPublicKey;
import io.keyshard.derive.Network;
import io.keyshard.derive.PublicDerivation;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * For random keys, random non-hardened evm paths and random transaction fields (quantities up to
 * their full width, contract creations, data, access lists), the signed transaction decodes back
 * to the fields given and its recovered sender is the address the derived key has.
 */
class Eip1559RandomKeysTest {
    private static final Curve CURVE = CurveName.SECP256K1.curve();

    @Test
    void signedTransactionsDecodeToTheirFieldsAndRecoverTheDerivedAddress() {
        Random random = new Random(1559);
        for (int round = 0; round < 25; round++) {
            BigInteger secret = new BigInteger(256, random)
                    .mod(CURVE.order().subtract(BigInteger.ONE))
                    .add(BigInteger.ONE);
            byte[] chainCode = new byte[32];
            random.nextBytes(chainCode);
            ExtendedPublicKey root =
                    new ExtendedPublicKey(CurveName.SECP256K1, CURVE.multiplyBase(secret), chainCode, 0, 0, 0);
            DerivationPath path = DerivationPath.of(
                    44, 60, random.nextInt(Integer.MAX_VALUE), random.nextInt(2), random.nextInt(Integer.MAX_VALUE));
            DerivedKey child = PublicDerivation.derive(root, path);
            String address = AccountAddresses.evm(
                            CurveName.SECP256K1, child.key().point(), Network.MAINNET)
                    .value();
            LocalKey key =
                    new LocalKey(secret.add(child.tweak()).mod(CURVE.order()).toString(16));
            assertEquals(address, key.address(), "the child secret belongs to the derived key");

            Eip1559Transaction tx = Eip1559Transaction.parse(json(random, address));
            tx.checkFrom(address);
            byte[] raw = tx.signedEncoding(key.sign(tx.signingHash()));
            SignedEip1559 decoded = SignedEip1559.decode(raw);
            Eip1559Transaction back = decoded.transaction();
            String where = "round " + round + " at " + path;
            assertEquals(tx.chainId(), back.chainId(), where);
            assertEquals(tx.nonce(), back.nonce(), where);
            assertEquals(tx.maxPriorityFeePerGas(), back.maxPriorityFeePerGas(), where);
            assertEquals(tx.maxFeePerGas(), back.maxFeePerGas(), where);
            assertEquals(tx.gas(), back.gas(), where);
            assertEquals(hex(tx.to()), hex(back.to()), where);
            assertEquals(tx.value(), back.value(), where);
            assertArrayEquals(tx.data(), back.data(), where);
            assertEquals(accessList(tx), accessList(back), where);
            assertEquals(address, decoded.sender(), where);
        }
    }

    private static String json(Random random, String from) {
        BigInteger maxFee = new BigInteger(1 + random.nextInt(256), random);
        BigInteger tip =
                maxFee.equals(BigInteger.ZERO) ? maxFee : new BigInteger(maxFee.bitLength(), random).min(maxFee);
        StringBuilder sb = new StringBuilder("{");
        sb.append("\"from\":\"").append(from).append('"');
        sb.append(",\"chainId\":\"0x")
                .append(new BigInteger(64, random).add(BigInteger.ONE).toString(16))
                .append('"');
        sb.append(",\"nonce\":\"")
                .append(new BigInteger(random.nextInt(65), random))
                .append('"');
        sb.append(",\"maxPriorityFeePerGas\":\"0x").append(tip.toString(16)).append('"');
        sb.append(",\"maxFeePerGas\":\"").append(maxFee).append('"');
        sb.append(",\"gas\":").append(new BigInteger(random.nextInt(64), random));
        if (random.nextInt(4) != 0) {
            byte[] to = new byte[20];
            random.nextBytes(to);
            sb.append(",\"to\":\"0x").append(Hex.encode(to)).append('"');
        }
        sb.append(",\"value\":\"0x")
                .append(new BigInteger(random.nextInt(257), random).toString(16))
                .append('"');
        byte[] data = new byte[random.nextInt(3) == 0 ? 0 : random.nextInt(300)];
        random.nextBytes(data);
        sb.append(",\"data\":\"0x").append(Hex.encode(data)).append('"');
        sb.append(",\"accessList\":[");
        int entries = random.nextInt(3);
        for (int i = 0; i < entries; i++) {
            byte[] address = new byte[20];
            random.nextBytes(address);
            sb.append(i == 0 ? "" : ",")
                    .append("{\"address\":\"0x")
                    .append(Hex.encode(address))
                    .append("\",\"storageKeys\":[");
            int keys = random.nextInt(3);
            for (int k = 0; k < keys; k++) {
                byte[] slot = new byte[32];
                random.nextBytes(slot);
                sb.append(k == 0 ? "" : ",")
                        .append("\"0x")
                        .append(Hex.encode(slot))
                        .append('"');
            }
            sb.append("]}");
        }
        return sb.append("]}").toString();
    }

    private static String hex(byte[] b) {
        return b == null ? null : Hex.encode(b);
    }

    private static List<String> accessList(Eip1559Transaction tx) {
        List<String> out = new ArrayList<>();
        for (Eip1559Transaction.AccessListEntry e : tx.accessList()) {
            StringBuilder sb = new StringBuilder(Hex.encode(e.address()));
            e.storageKeys().forEach(k -> sb.append(':').append(Hex.encode(k)));
            out.add(sb.toString());
        }
        return out;
    }
}
