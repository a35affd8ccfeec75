package io.keyshard.payload.evm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.bytes.Hex;
import io.keyshard.curve.CurveName;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * EIP-7702 authorizations and set-code transactions against published values: ox's {@code Authorization} and
 * {@code TransactionEnvelopeEip7702} tests (sign payloads, an authorization and a whole type-4 transaction signed
 * by anvil's first account with RFC 6979 nonces, which {@link LocalKey} reproduces byte for byte, and an
 * authorization a local chain executed), and Trust Wallet Core's {@code Eip7702Tests} hash.
 */
class Eip7702Test {
    /** Anvil's first account, which ox's tests sign with; its address is {@link #ANVIL_0}. */
    static final LocalKey ANVIL_KEY = new LocalKey("ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");

    static final String ANVIL_0 = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
    private static final String OX_DELEGATE = "0xbe95c3f554e9fc85ec51be69a3d807a0d55bcf2c";
    private static final String WAGMI = "0xfba3912ca04dd458c843e2ee08967fc04f3579c2";

    /** ox's serialize test: the transaction with two authorizations by anvil's first account, then signed by it. */
    static final String OX_SIGNED = "04f901300182031184773594008477359400809470997970c51812dc3a010c7d01b50e0d17dc79c888"
            + "0de0b6b3a764000080c0f8bcf85c0194fba3912ca04dd458c843e2ee08967fc04f3579c282031101a05f9eab9d5d717098430d"
            + "03780924a379e350e5cdd38fb7ffe707393d587e4e35a07e28e4c4eadc81dafea5d73c8e5327034306d4ad2dc4dbd94ef829be"
            + "c57f04dbf85c0a94fba3912ca04dd458c843e2ee08967fc04f3579c282031280a0f4181dd27f6b801404cd3bc24207aa1b07b1"
            + "ff8991ea847b0af1a6c3e4ba9e99a00fda7db5a05f0c5298339ffa7ec9be2d2a483f5c0af7fe267237b01290bc958280a0c6e1"
            + "7df66749225c040251e51ab7c732b7c92d7844ed731c80ee5ff3b15baf42a03b4fb995198301b08f630d1aecfa4a567a722e18"
            + "4eda6e3789481091a0cd1dd5";

    /** The same transaction as eth_sendTransaction's JSON, its authorizations in the RPC form. */
    static final String OX_JSON = "{\"chainId\":\"0x1\",\"nonce\":\"0x311\",\"maxPriorityFeePerGas\":\"0x77359400\","
            + "\"maxFeePerGas\":\"0x77359400\",\"gas\":\"0x0\",\"to\":\"0x70997970c51812dc3a010c7d01b50e0d17dc79c8\","
            + "\"value\":\"0xde0b6b3a7640000\",\"authorizationList\":["
            + "{\"chainId\":\"0x1\",\"address\":\"" + WAGMI + "\",\"nonce\":\"0x311\",\"yParity\":\"0x1\","
            + "\"r\":\"0x5f9eab9d5d717098430d03780924a379e350e5cdd38fb7ffe707393d587e4e35\","
            + "\"s\":\"0x7e28e4c4eadc81dafea5d73c8e5327034306d4ad2dc4dbd94ef829bec57f04db\"},"
            + "{\"chainId\":\"0xa\",\"address\":\"" + WAGMI + "\",\"nonce\":\"0x312\",\"yParity\":\"0x0\","
            + "\"r\":\"0xf4181dd27f6b801404cd3bc24207aa1b07b1ff8991ea847b0af1a6c3e4ba9e99\","
            + "\"s\":\"0x0fda7db5a05f0c5298339ffa7ec9be2d2a483f5c0af7fe267237b01290bc9582\"}]}";

    private static Eip7702Authorization authorization(long chainId, String address, long nonce) {
        return new Eip7702Authorization(
                BigInteger.valueOf(chainId),
                Hex.decode(address.substring(2).toLowerCase(Locale.ROOT), "a"),
                BigInteger.valueOf(nonce));
    }

    @Test
    void theSignPayloadIsTheHashOfMagicAndTheTupleAsOxAndTrustWalletCoreHashIt() {
        assertEquals(
                "5919da563810a99caf657d42bd10905adbd28b3b89b8a4577efa471e5e4b3914",
                Hex.encode(authorization(1, OX_DELEGATE, 40).signingHash()));
        assertEquals(
                "7bdd120f6437316be99b11232d472bb0209d20d7c564f4dfbad855189e830b15",
                Hex.encode(authorization(69, OX_DELEGATE, 420).signingHash()));
        assertEquals(
                "3ae543b2fa103a39a6985d964a67caed05f6b9bb2430ad6d498cda743fe911d9",
                Hex.encode(authorization(1, "0xB91aaa96B138A1B1D94c9df4628187132c5F2bf1", 1)
                        .signingHash()));
        byte[] payload = authorization(1, OX_DELEGATE, 40).signingPayload();
        assertEquals(0x05, payload[0]);
    }

    @Test
    void anvilsSignatureOfOxsAuthorizationIsReproducedAndRecoversItsAccount() {
        Eip7702Authorization a = authorization(1, OX_DELEGATE, 40);
        EvmSignature sig = ANVIL_KEY.sign(a.signingHash());
        assertEquals(
                new BigInteger("74666311849961653398815470296948700361392062371901161364182304079113687952627"),
                sig.r());
        assertEquals(
                new BigInteger("24912990662134805731506157958890440652926649106845286943280690489391727501383"),
                sig.s());
        assertEquals(1, sig.recoveryId());
        SignedAuthorization signed = new SignedAuthorization(a, BigInteger.ONE, sig.r(), sig.s());
        assertEquals(Optional.of(ANVIL_0), signed.authority());
    }

    @Test
    void anAuthorizationALocalChainExecutedRecoversTheAccountWhoseCodeRan() {
        // ox's network test: anvil's first account delegated to 0x1d1a...; the chain then logged from that account
        SignedAuthorization executed = new SignedAuthorization(
                authorization(1, "0x1d1aee6d5dc35f3c15e2d11083d0e59c026b64c4", 0x297),
                BigInteger.ONE,
                new BigInteger("63a17c5bd4689e0a20cd66babbbc21f3036c93341c390f75b8f575c19e4f358b", 16),
                new BigInteger("4ba15577764447dca6c0eab652914e6cdf889cd88d2c3afcc7bee281f1be57b4", 16));
        assertEquals(Optional.of(ANVIL_0), executed.authority());
        assertTrue(executed.appliesOn(BigInteger.ONE));
        assertFalse(executed.appliesOn(BigInteger.TEN));
    }

    @Test
    void oxsSetCodeTransactionHashesEncodesAndSignsByteForByteFromJsonAndFromBytes() {
        EvmTransaction tx = EvmTransaction.parse(OX_JSON);
        SetCodeTransaction setCode = assertInstanceOf(SetCodeTransaction.class, tx);
        EvmSignature sig = ANVIL_KEY.sign(tx.signingHash());
        assertEquals(new BigInteger("c6e17df66749225c040251e51ab7c732b7c92d7844ed731c80ee5ff3b15baf42", 16), sig.r());
        assertEquals(0, sig.recoveryId());
        byte[] signed = tx.signedEncoding(sig);
        assertEquals(OX_SIGNED, Hex.encode(signed));
        assertEquals(ANVIL_0, tx.senderOf(signed));
        // the unsigned bytes a tool hands over are the same transaction
        EvmTransaction decoded = EvmTransaction.decodeUnsigned(tx.unsignedEncoding());
        assertArrayEquals(tx.signingHash(), decoded.signingHash());
        // each authorization was anvil's first account's, on chain 1 and chain 10
        List<SignedAuthorization> list = setCode.authorizations();
        assertEquals(2, list.size());
        for (SignedAuthorization a : list) {
            assertEquals(Optional.of(ANVIL_0), a.authority());
            EvmSignature again = ANVIL_KEY.sign(a.authorization().signingHash());
            assertEquals(again.r(), a.r());
            assertEquals(again.s(), a.s());
        }
        assertTrue(list.get(0).appliesOn(BigInteger.ONE));
        assertFalse(list.get(1).appliesOn(BigInteger.ONE));
        TransactionReview review = tx.review();
        assertEquals(SetCodeTransaction.TYPE, review.type());
        assertEquals("EIP-7702, set code", review.typeName());
        assertEquals("2", review.maxFeePerGasGwei());
        assertEquals(2, review.authorizations().size());
        assertEquals("0x70997970C51812dc3A010C7d01b50e0d17dc79C8", review.to());
    }

    @Test
    void typeFourIsReadFromItsTypeAloneOrItsListAlone() {
        String typed =
                OX_JSON.replace("{\"chainId\":\"0x1\",\"nonce\"", "{\"type\":\"0x4\",\"chainId\":\"0x1\",\"nonce\"");
        assertArrayEquals(
                EvmTransaction.parse(OX_JSON).signingHash(),
                EvmTransaction.parse(typed).signingHash());
        IllegalArgumentException noList = assertThrows(
                IllegalArgumentException.class,
                () -> EvmTransaction.parse(typed.replaceAll(",\"authorizationList\":\\[.*]}$", "}")));
        assertTrue(noList.getMessage().contains("authorizationList is missing"), noList.getMessage());
    }

    @Test
    void whatEip7702MakesInvalidIsRefusedSayingWhat() {
        // ox's "all zeros" transaction has no recipient and no authorization: a node refuses it, so do we
        IllegalArgumentException zeros = assertThrows(
                IllegalArgumentException.class,
                () -> EvmTransaction.decodeUnsigned(Hex.decode("04ca0180808080808080c0c0", "tx")));
        assertTrue(zeros.getMessage().contains("cannot create a contract"), zeros.getMessage());
        IllegalArgumentException empty = assertThrows(
                IllegalArgumentException.class,
                () -> EvmTransaction.parse(
                        OX_JSON.replaceAll("\"authorizationList\":\\[.*]}$", "\"authorizationList\":[]}")));
        assertTrue(empty.getMessage().contains("at least one authorization"), empty.getMessage());
        IllegalArgumentException bigNonce = assertThrows(
                IllegalArgumentException.class,
                () -> EvmTransaction.parse(
                        OX_JSON.replace("\"nonce\":\"0x312\"", "\"nonce\":\"0x10000000000000000\"")));
        assertTrue(bigNonce.getMessage().contains("authorizationList[1].nonce"), bigNonce.getMessage());
        IllegalArgumentException extra = assertThrows(
                IllegalArgumentException.class,
                () -> EvmTransaction.parse(
                        OX_JSON.replace("\"yParity\":\"0x0\"", "\"yParity\":\"0x0\",\"v\":\"0x1b\"")));
        assertTrue(extra.getMessage().contains("unknown field 'v' in authorizationList[1]"), extra.getMessage());
        IllegalArgumentException signedBytes = assertThrows(
                IllegalArgumentException.class, () -> EvmTransaction.decodeUnsigned(Hex.decode(OX_SIGNED, "tx")));
        assertTrue(signedBytes.getMessage().contains("already signed"), signedBytes.getMessage());
    }

    @Test
    void aSignatureTheChainCannotTakeIsReadAsSkippedNotRefused() {
        Eip7702Authorization a = authorization(1, OX_DELEGATE, 40);
        EvmSignature sig = ANVIL_KEY.sign(a.signingHash());
        BigInteger n = CurveName.SECP256K1.curve().order();
        assertEquals(
                Optional.empty(),
                new SignedAuthorization(a, BigInteger.ZERO, sig.r(), n.subtract(sig.s())).authority());
        assertEquals(Optional.empty(), new SignedAuthorization(a, BigInteger.TWO, sig.r(), sig.s()).authority());
        assertEquals(
                Optional.empty(), new SignedAuthorization(a, BigInteger.ONE, BigInteger.ZERO, sig.s()).authority());
    }

    @Test
    void anAuthorizationToSignIsReadFromViemsFormAndWhatItCannotBeIsRefused() {
        Eip7702Authorization.Request r =
                Eip7702Authorization.parse("{\"chainId\":1,\"address\":\"" + OX_DELEGATE + "\",\"nonce\":40}");
        assertArrayEquals(
                authorization(1, OX_DELEGATE, 40).signingHash(),
                r.authorization().signingHash());
        Eip7702Authorization.Request older = Eip7702Authorization.parse(
                "{\"chainId\":\"0x1\",\"contractAddress\":\"" + OX_DELEGATE + "\",\"nonce\":\"0x28\"}");
        assertArrayEquals(r.authorization().signingHash(), older.authorization().signingHash());
        assertTrue(Eip7702Authorization.parse(
                        "{\"chainId\":0,\"address\":\"0x0000000000000000000000000000000000000000\"," + "\"nonce\":0}")
                .authorization()
                .clears());
        for (String[] bad : new String[][] {
            {"{\"chainId\":1,\"address\":\"" + OX_DELEGATE + "\",\"nonce\":40,\"r\":\"0x1\"}", "already signed"},
            {"{\"chainId\":1,\"address\":\"" + OX_DELEGATE + "\"}", "nonce is missing"},
            {
                "{\"chainId\":1,\"address\":\"" + OX_DELEGATE + "\",\"nonce\":40,\"gas\":1}",
                "unknown authorization field 'gas'"
            },
            {"{\"chainId\":1,\"address\":\"0xBE95c3f554e9fc85ec51be69a3d807a0d55bcf2c\",\"nonce\":40}", "EIP-55"},
            {"{\"chainId\":1,\"address\":\"" + OX_DELEGATE + "\",\"nonce\":\"0xffffffffffffffff\"}", "never valid"},
            {"{\"chainId\":1,\"address\":\"" + OX_DELEGATE + "\",\"nonce\":\"0x10000000000000000\"}", "64 bits"},
            {
                "{\"chainId\":1,\"address\":\"" + OX_DELEGATE + "\",\"contractAddress\":\"" + OX_DELEGATE
                        + "\",\"nonce\":1}",
                "not both"
            },
            {"[]", "JSON object"},
        }) {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> Eip7702Authorization.parse(bad[0]), bad[0]);
            assertTrue(e.getMessage().contains(bad[1]), e.getMessage());
        }
        Eip7702Authorization.Request named = Eip7702Authorization.parse(
                "{\"chainId\":1,\"address\":\"" + OX_DELEGATE + "\",\"nonce\":40,\"from\":\"" + ANVIL_0 + "\"}");
        named.checkFrom(ANVIL_0);
        assertThrows(
                IllegalArgumentException.class, () -> named.checkFrom("0x70997970C51812dc3A010C7d01b50e0d17dc79C8"));
    }
}
