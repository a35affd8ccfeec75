package io.keyshard.payload.evm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.keyshard.bytes.Hex;
import io.keyshard.json.StrictJson;
import io.keyshard.payload.Refusals;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Fuzzes every EVM payload reader with what a user or a dapp could hand the signer. Oracles, for
 * every input: the reader accepts it or refuses it with IllegalArgumentException and a message
 * (never another exception, never a hang); what it accepts gives a review that does not throw,
 * and signs into bytes that decode back to the same fields and recover the signing key's address.
 */
class EvmPayloadFuzzTest {
    private static final String SAFE = "0x5EA1d9A6dDC3A0329378a327746D71A2019eC332";
    private static final LocalKey KEY =
            new LocalKey("4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318");

    /**
     * The JSON of {@code eth_sendTransaction}, of any type signed here. Accepted: the review builds, the signed
     * encoding decodes to the same fields, the sender recovered is the key's address, and a {@code from} other
     * than that address is refused.
     */
    @FuzzTest(maxDuration = "30s")
    void transactionJson(byte[] data) {
        String json = Refusals.utf8(data);
        if (json == null) {
            return;
        }
        EvmTransaction tx;
        try {
            tx = EvmTransaction.parse(json);
        } catch (IllegalArgumentException refused) {
            Refusals.assertExplained(refused);
            return;
        }
        assertSignsAndReadsBack(tx);
        try {
            tx.checkFrom(KEY.address());
            assertTrue(tx.from() == null || EcRecover.sameAddress(tx.from(), KEY.address()), tx.from());
        } catch (IllegalArgumentException refused) {
            Refusals.assertExplained(refused);
            assertTrue(tx.from() != null && !EcRecover.sameAddress(tx.from(), KEY.address()), tx.from());
        }
    }

    /**
     * A signed raw transaction as a node reads it, EIP-1559 ({@code 0x02…}), EIP-7702 ({@code 0x04…}), EIP-2930
     * ({@code 0x01…}) or legacy
     * (an RLP list). Accepted
     * with a low s: it re-encodes to the same bytes; recovering its sender gives an address or a refusal.
     */
    @FuzzTest(maxDuration = "30s")
    void rawTransaction(byte[] data) {
        EvmTransaction tx;
        EvmSignature sig;
        try {
            if (data.length > 0 && (data[0] & 0xff) >= 0xc0) {
                SignedLegacy decoded = SignedLegacy.decode(data);
                tx = decoded.transaction();
                sig = decoded.signature();
            } else if (data.length > 0 && data[0] == Eip2930Transaction.TYPE) {
                SignedEip2930 decoded = SignedEip2930.decode(data);
                tx = decoded.transaction();
                sig = decoded.signature();
            } else if (data.length > 0 && data[0] == SetCodeTransaction.TYPE) {
                SetCodeTransaction.Signed decoded = SetCodeTransaction.decodeSigned(data);
                tx = decoded.transaction();
                sig = decoded.signature();
            } else {
                SignedEip1559 decoded = SignedEip1559.decode(data);
                tx = decoded.transaction();
                sig = decoded.signature();
            }
        } catch (IllegalArgumentException refused) {
            Refusals.assertExplained(refused);
            return;
        }
        if (sig.isLowS()) {
            assertArrayEquals(data, tx.signedEncoding(sig));
        }
        assertNotNull(tx.review());
        try {
            assertTrue(tx.senderOf(data).startsWith("0x"));
        } catch (IllegalArgumentException refused) {
            Refusals.assertExplained(refused);
        }
    }

    /**
     * An unsigned transaction as a tool serialises it ({@code 0x02…}, {@code 0x04…}, {@code 0x01…}, or a legacy list
     * with EIP-155's
     * chain id).
     * Accepted: it is the one canonical encoding of its fields (re-encodes to the same bytes, so what is
     * reviewed is what is signed), the review builds, and its signature decodes back to the same fields and the
     * key's address.
     */
    @FuzzTest(maxDuration = "30s")
    void unsignedTransaction(byte[] data) {
        EvmTransaction tx;
        try {
            tx = EvmTransaction.decodeUnsigned(data);
        } catch (IllegalArgumentException refused) {
            Refusals.assertExplained(refused);
            return;
        }
        assertArrayEquals(data, tx.unsignedEncoding());
        assertSignsAndReadsBack(tx);
    }

    /**
     * An EIP-7702 authorization to sign, its JSON as viem writes it. Accepted: its signed bytes read back as the same
     * authorization; signed by the key, the tuple's authority is the key's address; and the tuple written as an
     * authorization list entry ({@code rpcFields}) is read back by a set-code transaction's reader as the same tuple.
     */
    @FuzzTest(maxDuration = "30s")
    void authorization(byte[] data) {
        String json = Refusals.utf8(data);
        if (json == null) {
            return;
        }
        Eip7702Authorization a;
        try {
            a = Eip7702Authorization.parse(json).authorization();
        } catch (IllegalArgumentException refused) {
            Refusals.assertExplained(refused);
            return;
        }
        assertFalse(a.nonceSkipped());
        assertArrayEquals(
                a.signingPayload(),
                Eip7702Authorization.fromSigningPayload(a.signingPayload()).signingPayload());
        EvmSignature sig = KEY.sign(a.signingHash());
        SignedAuthorization signed = new SignedAuthorization(a, BigInteger.valueOf(sig.recoveryId()), sig.r(), sig.s());
        assertEquals(Optional.of(KEY.address()), signed.authority());
        ArrayNode list =
                StrictJson.mapper().createArrayNode().add(StrictJson.mapper().valueToTree(signed.rpcFields()));
        assertArrayEquals(
                signed.encode(), SignedAuthorization.fromJson(list).get(0).encode());
    }

    /** Signed by the key, the transaction reads back as a node reads it: the same fields, the key's address. */
    private static void assertSignsAndReadsBack(EvmTransaction tx) {
        assertNotNull(tx.review());
        byte[] signed = tx.signedEncoding(KEY.sign(tx.signingHash()));
        assertEquals(KEY.address(), tx.senderOf(signed));
        if (tx instanceof Eip1559Transaction typed) {
            SignedEip1559 decoded = SignedEip1559.decode(signed);
            assertSameFields(typed, decoded.transaction());
            assertArrayEquals(signed, decoded.transaction().signedEncoding(decoded.signature()));
        } else if (tx instanceof SetCodeTransaction) {
            SetCodeTransaction.Signed decoded = SetCodeTransaction.decodeSigned(signed);
            assertArrayEquals(tx.unsignedEncoding(), decoded.transaction().unsignedEncoding());
            assertArrayEquals(signed, decoded.transaction().signedEncoding(decoded.signature()));
        } else if (tx instanceof Eip2930Transaction) {
            SignedEip2930 decoded = SignedEip2930.decode(signed);
            assertArrayEquals(tx.unsignedEncoding(), decoded.transaction().unsignedEncoding());
            assertArrayEquals(signed, decoded.transaction().signedEncoding(decoded.signature()));
        } else {
            SignedLegacy decoded = SignedLegacy.decode(signed);
            assertArrayEquals(tx.unsignedEncoding(), decoded.transaction().unsignedEncoding());
            assertArrayEquals(signed, decoded.transaction().signedEncoding(decoded.signature()));
        }
    }

    /**
     * A transaction's call data as the review reads it for a token call. Whatever it is, reading it does not
     * throw; what is read as a token call, or as a call to one of Lido's contracts, is the one canonical ABI encoding
     * of what the review shows (it encodes back to the same bytes), so no byte of the call is left out of the review
     * or read two ways; what is read as a 1inch router swap shows the very words the router reads.
     */
    @FuzzTest(maxDuration = "30s")
    void callData(byte[] data) {
        TokenCall.decode(data).ifPresent(call -> assertArrayEquals(data, AbiEncoding.of(call), call.toString()));
        String hex = Hex.encode(data);
        for (String lido : List.of(LidoCallTest.STETH, LidoCallTest.WSTETH, LidoCallTest.QUEUE)) {
            LidoCall.decode(BigInteger.ONE, lido, data)
                    .ifPresent(call -> assertEquals(hex, LidoCallTest.encoded(call, hex), call.toString()));
        }
        OneInchCall.decode(BigInteger.ONE, OneInchCallTest.ROUTER, data)
                .ifPresent(call -> OneInchCallTest.assertShowsTheRoutersWords(data, call));
        SafeTransaction.execution(SAFE, data).ifPresent(s -> {
            assertTrue(s.nonce() == null && s.signatures() * 65 <= data.length, s::toString);
            s.batch().ifPresent(calls -> assertBatchIsTheWholeData(s, calls));
        });
    }

    /**
     * A transaction's call data sent to the Uniswap Universal Router. Whatever it is, reading it does not throw; what
     * is read as the router's steps is the one encoding the router's SDK gives of what the review shows (an
     * independent encoder gives back the same bytes), so no command, amount, address or flag is left out or read
     * two ways; and every amount the router's Dispatcher reads into a narrower type than a word (a sweep's and a
     * Permit2 transfer's {@code uint160}, a permit's amount, expiration and nonce, a v4 swap's {@code uint128} amounts
     * and its pools' fee and tick spacing) fits that type, so the amount shown is the amount the router uses. Read as
     * router 1.2 and as 2.0, whose command 0x10 differs.
     */
    @FuzzTest(maxDuration = "30s")
    void routerCall(byte[] data) {
        UniversalRouterCall.decode(BigInteger.ONE, UniversalRouterCallTest.ROUTER, data)
                .ifPresent(call -> assertReadAsTheRouterReadsIt(data, call));
        UniversalRouterCall.decode(BigInteger.ONE, UniversalRouterCallTest.ROUTER_2_0, data)
                .ifPresent(call -> assertReadAsTheRouterReadsIt(data, call));
    }

    private static void assertReadAsTheRouterReadsIt(byte[] data, UniversalRouterCall call) {
        assertArrayEquals(data, RouterEncoding.of(call), call.toString());
        for (UniversalRouterCall.Step s : call.steps()) {
            switch (s.command()) {
                case SWEEP, PERMIT2_TRANSFER_FROM -> assertTrue(s.amount().bitLength() <= 160, s.toString());
                case PERMIT2_PERMIT -> {
                    Permit2Approval a = s.permit().allowance();
                    assertTrue(a.amount().bitLength() <= 160, s.toString());
                    assertTrue(a.expiration().bitLength() <= 48, s.toString());
                    assertTrue(s.permit().nonce().bitLength() <= 48, s.toString());
                }
                case V4_SWAP ->
                    s.v4().actions().forEach(a -> {
                        assertTrue(
                                !a.kind().swaps()
                                        || (a.amount().bitLength() <= 128
                                                && a.limit().bitLength() <= 128),
                                a::toString);
                        a.path()
                                .forEach(h -> assertTrue(
                                        h.fee() < (1 << 24) && Math.abs(h.tickSpacing()) <= (1 << 23), h::toString));
                    });
                default -> {}
            }
        }
    }

    /**
     * The JSON of {@code eth_signTypedData_v4}. Accepted (parsed and every value hashed against its
     * type): the review builds, every value of the message is listed, a permit, a Seaport order, a CoW order or a
     * 1inch limit order or a UniswapX order among them is read without a refusal (a CoW order only for CoW's settlement contract, a
     * 1inch order only for the router, its traits within their bits), values the types do not declare are named
     * and leave the digest as it is, and the digest is the same each time; the signature recovers the key.
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
            typed = TypedData.parse(json);
            digest = Eip712.digest(typed);
        } catch (IllegalArgumentException refused) {
            Refusals.assertExplained(refused);
            return;
        }
        TypedDataReview review;
        try {
            review = typed.review();
        } catch (IllegalArgumentException refused) {
            // the only value the review reads beyond the hash is the domain's chain id as a number
            Refusals.assertExplained(refused);
            assertTrue(refused.getMessage().startsWith("domain.chainId"), refused.getMessage());
            return;
        }
        assertEquals(typed.primaryType(), review.primaryType());
        // every value that hashed is listed without a refusal, within the count asked for
        TypedMessageLines lines = TypedMessageLines.of(typed, 16);
        assertTrue(lines.lines().size() <= 16 && lines.total() >= lines.lines().size());
        TypedPermit.of(typed).ifPresent(p -> {
            assertTrue(p.spender().startsWith("0x"), p::toString);
            p.grants()
                    .forEach(g ->
                            assertTrue(g.token().startsWith("0x") && g.amount().signum() >= 0, p::toString));
        });
        SeaportOrder.of(typed).ifPresent(EvmPayloadFuzzTest::assertReadable);
        SeaportOrder.bulk(typed).ifPresent(orders -> orders.forEach(EvmPayloadFuzzTest::assertReadable));
        SafeTransaction.of(typed).ifPresent(s -> {
            assertTrue(s.safe().equalsIgnoreCase(review.verifyingContract()), s::toString);
            s.batch().ifPresent(calls -> assertBatchIsTheWholeData(s, calls));
            SafeSettingsCall.decode(s.data());
        });
        SafeMessage.of(typed).ifPresent(m -> {
            assertTrue(m.safe().equalsIgnoreCase(review.verifyingContract()), m::toString);
            assertEquals(
                    typed.message().get("message").asText().toLowerCase(Locale.ROOT),
                    "0x" + Hex.encode(m.message()),
                    "the message read is the one hashed");
        });
        CowOrder.of(typed)
                .ifPresent(o -> assertTrue(
                        CowOrder.SETTLEMENT.equalsIgnoreCase(review.verifyingContract())
                                && o.validTo().bitLength() <= 32,
                        o::toString));
        UniswapXOrder.of(typed)
                .ifPresent(o -> o.outputs()
                        .forEach(out -> assertTrue(
                                out.least().signum() >= 0
                                        && out.token().startsWith("0x")
                                        && out.recipient().startsWith("0x"),
                                o::toString)));
        OneInchLimitOrder.of(typed)
                .ifPresent(o -> assertTrue(
                        OneInchLimitOrder.ROUTER.equals(review.verifyingContract())
                                && (o.expiration() == null || o.expiration().bitLength() <= 40)
                                && (o.allowedSenderSuffix() == null
                                        || o.allowedSenderSuffix().length() == 20)
                                && o.makingAmount().signum() >= 0
                                && o.takingAmount().signum() >= 0,
                        o::toString));
        List<String> uncovered = new ArrayList<>();
        assertArrayEquals(digest, Eip712.digest(typed, uncovered), "naming what is left out changes no digest");
        assertTrue(
                uncovered.stream().allMatch(p -> p.startsWith("domain.") || p.startsWith("message.")),
                uncovered::toString);
        for (String shown : List.of("name", "version", "chainId", "verifyingContract", "salt")) {
            assertFalse(
                    uncovered.contains("domain." + shown) && shownInReview(review, shown), shown + " shown unsigned");
        }
        assertArrayEquals(digest, Eip712.digest(TypedData.parse(json)));
        EvmSignature sig = KEY.sign(digest);
        assertEquals(KEY.address(), EcRecover.recoverAddress(digest, sig));
    }

    /**
     * A {@code personal_sign} message: text, or hex with or without 0x (input byte 0 picks), and
     * a 65-byte signature over it as a wallet returns one. Hex is decoded or refused, and hashes as
     * the bytes it names; any 65 bytes are a signature that recovers some address or are refused.
     */
    @FuzzTest(maxDuration = "30s")
    void personalSign(byte[] data) {
        if (data.length == 0) {
            return;
        }
        byte[] body = Arrays.copyOfRange(data, 1, data.length);
        byte[] message = body;
        if ((data[0] & 1) == 1) {
            String hex = new String(body, StandardCharsets.ISO_8859_1);
            try {
                byte[] digest = Eip191.hashHex(hex);
                String digits = hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
                message = Hex.decode(digits.toLowerCase(Locale.ROOT), "hex");
                assertArrayEquals(Eip191.hash(message), digest);
            } catch (IllegalArgumentException refused) {
                Refusals.assertExplained(refused);
                return;
            }
        }
        byte[] digest = Eip191.hash(message);
        assertEquals(32, digest.length);
        // a sign-in is recognised or not, never refused: the text is signed either way
        SiweMessage.parse(new String(message, StandardCharsets.UTF_8))
                .ifPresent(m ->
                        assertTrue(m.address().startsWith("0x") && m.chainId().signum() >= 0));
        if (message.length >= 65) {
            byte[] wallet = Arrays.copyOf(message, 65);
            try {
                assertTrue(EcRecover.recoverAddress(digest, EvmSignature.decode(wallet))
                        .startsWith("0x"));
            } catch (IllegalArgumentException refused) {
                Refusals.assertExplained(refused);
            }
        }
        EvmSignature sig = KEY.sign(digest);
        assertEquals(KEY.address(), EcRecover.recoverAddress(digest, EvmSignature.decode(sig.encode())));
    }

    /** True when the review shows the domain's {@code field}. */
    private static boolean shownInReview(TypedDataReview review, String field) {
        return switch (field) {
            case "name" -> review.name() != null;
            case "version" -> review.version() != null;
            case "chainId" -> review.chainId() != null;
            case "verifyingContract" -> review.verifyingContract() != null;
            default -> review.salt() != null;
        };
    }

    /** A MultiSend batch as read: its calls packed again are the very bytes {@code multiSend(bytes)} carries. */
    private static void assertBatchIsTheWholeData(SafeTransaction s, List<SafeTransaction.Call> calls) {
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        for (SafeTransaction.Call c : calls) {
            packed.write(c.delegateCall() ? 1 : 0);
            packed.writeBytes(Hex.decode(c.to().substring(2), "to"));
            packed.writeBytes(Bytes.word(c.value()));
            packed.writeBytes(Bytes.word(BigInteger.valueOf(c.data().length)));
            packed.writeBytes(c.data());
        }
        byte[] data = s.data();
        int length = new BigInteger(1, Arrays.copyOfRange(data, 36, 68)).intValueExact();
        assertArrayEquals(Arrays.copyOfRange(data, 68, 68 + length), packed.toByteArray());
    }

    /** A Seaport order as its review reads it: an offerer, and a recipient for everything paid. */
    private static void assertReadable(SeaportOrder o) {
        assertTrue(o.offerer().startsWith("0x") && o.consideration().stream().allMatch(i -> i.recipient() != null));
    }

    private static void assertSameFields(Eip1559Transaction a, Eip1559Transaction b) {
        assertEquals(a.chainId(), b.chainId());
        assertEquals(a.nonce(), b.nonce());
        assertEquals(a.maxPriorityFeePerGas(), b.maxPriorityFeePerGas());
        assertEquals(a.maxFeePerGas(), b.maxFeePerGas());
        assertEquals(a.gas(), b.gas());
        if (a.to() == null) {
            assertNull(b.to());
        } else {
            assertArrayEquals(a.to(), b.to());
        }
        assertEquals(a.value(), b.value());
        assertArrayEquals(a.data(), b.data());
        assertEquals(a.accessList().size(), b.accessList().size());
        for (int i = 0; i < a.accessList().size(); i++) {
            Eip1559Transaction.AccessListEntry x = a.accessList().get(i);
            Eip1559Transaction.AccessListEntry y = b.accessList().get(i);
            assertArrayEquals(x.address(), y.address());
            List<byte[]> kx = x.storageKeys();
            List<byte[]> ky = y.storageKeys();
            assertEquals(kx.size(), ky.size());
            for (int k = 0; k < kx.size(); k++) {
                assertArrayEquals(kx.get(k), ky.get(k));
            }
        }
    }
}
