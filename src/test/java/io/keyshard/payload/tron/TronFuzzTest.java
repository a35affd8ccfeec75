package io.keyshard.payload.tron;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.keyshard.address.AccountAddresses;
import io.keyshard.crypto.Digests;
import io.keyshard.curve.CurveName;
import io.keyshard.curve.Point;
import io.keyshard.derive.Network;
import io.keyshard.payload.Refusals;
import io.keyshard.payload.evm.EcRecover;
import io.keyshard.payload.evm.Eip712;
import io.keyshard.payload.evm.EvmSignature;
import io.keyshard.payload.evm.TypedData;
import io.keyshard.payload.evm.TypedMessageLines;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.sec.SECNamedCurves;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;

/**
 * Fuzzes the Tron transaction reader and TIP-712 typed data. Transactions: raw_data bytes, or text (JSON or
 * hex) when the input starts with a brace. Oracles, for every input: accepted or refused with
 * IllegalArgumentException and a message (never another exception); what is accepted has the SHA-256 of its
 * raw_data as its id, reads the same again from those bytes, acts for a Tron account, sends no negative amount,
 * and its signed encoding holds the raw_data and the new signature last; a signature by the seed key over the id
 * recovers that key's account, as a node recovers it.
 */
class TronFuzzTest {
    private static final X9ECParameters K1 = SECNamedCurves.getByName("secp256k1");
    private static final BigInteger SECRET = BigInteger.valueOf(0x7e57);
    private static final Point KEY =
            CurveName.SECP256K1.curve().decodePoint(K1.getG().multiply(SECRET).getEncoded(true));
    private static final String SIGNER =
            AccountAddresses.tron(CurveName.SECP256K1, KEY, Network.MAINNET).value();
    private static final String EVM_SIGNER = EcRecover.address(KEY);

    @FuzzTest(maxDuration = "30s")
    void transaction(byte[] data) {
        boolean text = data.length > 0 && data[0] == '{';
        TronTransaction tx;
        try {
            String utf8 = text ? Refusals.utf8(data) : null;
            if (text && utf8 == null) {
                return;
            }
            tx = text ? TronTransaction.parseText(utf8) : TronTransaction.parse(data);
        } catch (IllegalArgumentException refused) {
            Refusals.assertExplained(refused);
            return;
        }
        byte[] raw = tx.rawData();
        if (!text) {
            assertArrayEquals(data, raw);
        }
        assertArrayEquals(Digests.sha256(raw), tx.txId());
        TronAction action = tx.action(null);
        assertEquals(action, TronTransaction.parse(raw).action(null), "the same bytes read the same");
        assertNotNull(TronAddress.bytesOf(action.owner()), "acts for a Tron account: " + action.owner());
        assertTrue(action.sunSent() >= 0);
        assertTrue(action.lines().stream().noneMatch(l -> l.value().isEmpty()));
        byte[] signature = sign(tx.txId());
        assertEquals(SIGNER, tx.signerOf(signature));
        ProtoMessage signed = ProtoMessage.parse(tx.signedEncoding(signature), "the signed transaction", 1, 2);
        assertArrayEquals(raw, signed.bytes(1, "raw_data"));
        List<byte[]> all = signed.repeated(2, "signature");
        assertArrayEquals(signature, all.get(all.size() - 1));
    }

    /**
     * TIP-712 typed data, either form. Oracles: accepted or refused with an explained IllegalArgumentException;
     * what is accepted hashes to the same digest again, hashes as Ethereum's EIP-712 does whenever Ethereum's
     * stricter reading takes the same JSON (TIP-712 is EIP-712 over the addresses' 20 bytes), lists every value
     * it signs with text, reads a GasFree transfer as Tron accounts and amounts that are not negative, and a
     * signature by the seed key over its digest recovers that key's account.
     */
    @FuzzTest(maxDuration = "30s")
    void typedData(byte[] data) {
        String json = Refusals.utf8(data);
        if (json == null) {
            return;
        }
        TypedData typed;
        byte[] digest;
        try {
            typed = Tip712.parse(json);
            digest = Tip712.digest(typed, new ArrayList<>());
            typed.review();
        } catch (IllegalArgumentException refused) {
            Refusals.assertExplained(refused);
            return;
        }
        assertArrayEquals(digest, Tip712.digest(Tip712.parse(json), new ArrayList<>()));
        try {
            assertArrayEquals(digest, Eip712.digest(TypedData.parse(json)), "as EIP-712 hashes it");
        } catch (IllegalArgumentException stricter) {
            Refusals.assertExplained(stricter);
        }
        TypedMessageLines lines = TypedMessageLines.of(typed, 16);
        assertTrue(lines.lines().stream().noneMatch(l -> l.value().isEmpty()));
        GasFreePermit.of(typed).ifPresent(p -> {
            for (String a : List.of(p.controller(), p.token(), p.serviceProvider(), p.user(), p.receiver())) {
                assertNotNull(TronAddress.bytesOf(a), a);
            }
            assertTrue(p.value().signum() >= 0 && p.maxFee().signum() >= 0, p::toString);
        });
        assertEquals(SIGNER, Tip712.signerOf(digest, sign(digest)));
    }

    /** An ECDSA signature of the seed key, low s, with the recovery id whose EVM recovery is the seed key's. */
    private static byte[] sign(byte[] digest) {
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        ECDomainParameters domain = new ECDomainParameters(K1.getCurve(), K1.getG(), K1.getN(), K1.getH());
        signer.init(true, new ECPrivateKeyParameters(SECRET, domain));
        BigInteger[] rs = signer.generateSignature(digest);
        for (int recId = 0; recId < 2; recId++) {
            EvmSignature candidate = new EvmSignature(rs[0], rs[1], recId).normalized();
            if (EcRecover.sameAddress(EcRecover.recoverAddress(digest, candidate), EVM_SIGNER)) {
                return candidate.encode();
            }
        }
        throw new AssertionError("no recovery id recovers the seed key");
    }
}
