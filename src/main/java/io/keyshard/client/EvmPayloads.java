package io.keyshard.client;

import io.keyshard.address.Chain;
import io.keyshard.address.Hashes;
import io.keyshard.address.KeyPipeline;
import io.keyshard.bytes.Hex;
import io.keyshard.derive.Network;
import io.keyshard.payload.evm.CowOrder;
import io.keyshard.payload.evm.EcRecover;
import io.keyshard.payload.evm.Eip1559Transaction;
import io.keyshard.payload.evm.Eip191;
import io.keyshard.payload.evm.Eip2930Transaction;
import io.keyshard.payload.evm.Eip712;
import io.keyshard.payload.evm.Eip7702Authorization;
import io.keyshard.payload.evm.EvmChain;
import io.keyshard.payload.evm.EvmSignature;
import io.keyshard.payload.evm.EvmTransaction;
import io.keyshard.payload.evm.OneInchLimitOrder;
import io.keyshard.payload.evm.SafeMessage;
import io.keyshard.payload.evm.SafeTransaction;
import io.keyshard.payload.evm.SeaportOrder;
import io.keyshard.payload.evm.SetCodeTransaction;
import io.keyshard.payload.evm.SiweMessage;
import io.keyshard.payload.evm.TransactionReview;
import io.keyshard.payload.evm.TypedData;
import io.keyshard.payload.evm.TypedDataReview;
import io.keyshard.payload.evm.TypedPermit;
import io.keyshard.payload.evm.UniswapXOrder;
import io.keyshard.vault.KeyRecord;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * EIP-191 messages, EIP-712 typed data, EVM transactions (EIP-1559, EIP-7702, EIP-2930, or legacy with EIP-155)
 * and EIP-7702 authorizations signed by
 * a SECP256k1 key on an {@code evm} path. Every result is checked as a wallet or node checks it: the
 * address recovered from the signature must be the derived one. Byte values are {@code 0x} hex, as EVM
 * tools write them.
 */
final class EvmPayloads {
    private EvmPayloads() {}

    static PayloadPlan plan(KeyRecord key, PayloadRequest r) {
        KeyPipeline.Result signer = Decoding.signer(key, r, r.kind().chain());
        String address = signer.address().value();
        return switch (r.kind()) {
            case ETH_MESSAGE -> message(r.input(), signer, address);
            case ETH_TYPED -> typed(r.input(), signer, address);
            case ETH_TX -> transaction(r.input(), signer, address, r.network());
            case ETH_AUTHORIZATION -> authorization(r.input(), signer, address);
            default -> throw new IllegalArgumentException(r.kind().id() + " is not an EVM payload");
        };
    }

    private static PayloadPlan message(byte[] message, KeyPipeline.Result signer, String address) {
        byte[] digest = Eip191.hash(message);
        List<SignReview.Row> rows = rows(signer, address);
        List<String> warnings = new ArrayList<>();
        boolean text = Decoding.printable(message) != null;
        if (text) {
            SiweMessage.parse(new String(message, StandardCharsets.UTF_8))
                    .ifPresent(siwe -> EvmMessageRows.signIn(siwe, address, rows, warnings));
        }
        rows.add(new SignReview.Row("Message", Decoding.displayForApproval(message)));
        rows.add(new SignReview.Row("Length", message.length + " bytes"));
        rows.add(new SignReview.Row("Digest", hex(digest)));
        if (message.length == 32 && !text) {
            warnings.add("the message is 32 bytes of binary data: it may be the hash of a transaction or permit that "
                    + "someone wants signed unseen; sign it only if you know what it is");
        }
        SignReview review = new SignReview(PayloadKind.ETH_MESSAGE.title(), rows, warnings);
        return messagePlan(PayloadKind.ETH_MESSAGE, review, signer, address, message, digest);
    }

    private static PayloadPlan typed(byte[] input, KeyPipeline.Result signer, String address) {
        TypedData data = TypedData.parse(Decoding.utf8(input, "the JSON of eth_signTypedData_v4"));
        TypedDataReview t = data.review();
        List<String> uncovered = new ArrayList<>();
        byte[] digest = Eip712.digest(data, uncovered);
        List<SignReview.Row> rows = rows(signer, address);
        TypedDataRows.domain(t, t.chainId() == null ? null : EvmChain.describe(t.chainId()), rows);
        List<String> warnings = new ArrayList<>();
        Optional<TypedPermit> permit = TypedPermit.of(data);
        permit.ifPresent(p -> EvmMessageRows.permit(p, t.chainId(), rows, warnings));
        SeaportOrder.of(data).ifPresent(o -> SeaportRows.add(o, t.chainId(), address, rows, warnings));
        SeaportOrder.bulk(data).ifPresent(o -> SeaportRows.addBulk(o, t.chainId(), address, rows, warnings));
        CowOrder.of(data).ifPresent(o -> CowOrderRows.add(o, t.chainId(), address, rows, warnings));
        OneInchLimitOrder.of(data).ifPresent(o -> OneInchOrderRows.add(o, t.chainId(), address, rows, warnings));
        UniswapXOrder.of(data).ifPresent(o -> UniswapXRows.add(o, t.chainId(), address, rows, warnings));
        SafeTransaction.of(data).ifPresent(s -> SafeRows.add(s, t.chainId(), address, Instant.now(), rows, warnings));
        SafeMessage.of(data).ifPresent(m -> SafeRows.message(m, rows, warnings));
        TypedDataRows.signed(data, address, uncovered, hex(digest), rows, warnings);
        if (t.chainId() == null) {
            warnings.add("the domain names no chain id: the signature is valid on every chain");
        }
        TypedDataRows.unreadPermit(permit.isPresent(), t, warnings);
        SignReview review = new SignReview(PayloadKind.ETH_TYPED.title(), rows, warnings);
        return messagePlan(PayloadKind.ETH_TYPED, review, signer, address, input, digest);
    }

    /**
     * The transaction as the JSON of {@code eth_sendTransaction}, or as its unsigned encoding (EIP-1559
     * {@code 0x02…}, EIP-2930 {@code 0x01…}, or a legacy RLP list) in hex (text) or as bytes (a file).
     */
    private static EvmTransaction readTransaction(byte[] input) {
        if (input.length > 0
                && (input[0] == Eip1559Transaction.TYPE
                        || input[0] == Eip2930Transaction.TYPE
                        || input[0] == SetCodeTransaction.TYPE
                        || (input[0] & 0xff) >= 0xc0)) {
            return EvmTransaction.decodeUnsigned(input);
        }
        String text = Decoding.utf8(
                        input,
                        "the JSON of an eth_sendTransaction request, or an unsigned transaction in hex (0x02…, "
                                + "0x04… or a legacy 0xf8…)")
                .strip();
        if (text.startsWith("{") || text.isEmpty()) {
            return EvmTransaction.parse(text);
        }
        if (!text.startsWith("0x")) {
            throw new IllegalArgumentException("the transaction must be the JSON of an eth_sendTransaction request, "
                    + "or an unsigned transaction in hex starting with 0x: an EIP-1559 one (0x02…), an EIP-7702 one "
                    + "(0x04…), an EIP-2930 one (0x01…) or a legacy one with its chain id (EIP-155)");
        }
        return EvmTransaction.decodeUnsigned(Hex.decode(text.substring(2), "the transaction"));
    }

    private static PayloadPlan transaction(byte[] input, KeyPipeline.Result signer, String address, Network network) {
        EvmTransaction tx = readTransaction(input);
        tx.checkFrom(address);
        TransactionReview t = tx.review();
        byte[] digest = tx.signingHash();
        List<SignReview.Row> rows = rows(signer, address);
        List<String> warnings = new ArrayList<>();
        TransactionRows.add(t, address, network, Instant.now(), rows, warnings);
        AuthorizationRows.inTransaction(t, address, rows, warnings);
        SignReview review = new SignReview(PayloadKind.ETH_TX.title() + " (" + t.typeName() + ")", rows, warnings);
        byte[] unsigned = tx.unsignedEncoding();
        PayloadPlan.Part part = part(signer, digest, TransactionRows.description(t));
        return new SinglePlan(review, part, address, hex(digest), res -> {
            EvmSignature sig = PayloadResults.lowS(res);
            byte[] raw = tx.signedEncoding(sig);
            String sender = tx.senderOf(raw);
            if (!EcRecover.sameAddress(sender, address)) {
                throw PayloadResults.rejected("the sender recovered from the signed transaction (" + sender
                        + ") is not this key's address " + address);
            }
            return PayloadResults.of(
                    PayloadKind.ETH_TX,
                    List.of(res),
                    new PayloadResults.Output(
                            hex(unsigned),
                            hex(digest),
                            hex(rsv(sig, sig.recoveryId())),
                            hex(word(sig.r())),
                            hex(word(sig.s())),
                            sig.recoveryId(),
                            res.der(),
                            hex(raw),
                            hex(Hashes.keccak256(raw)),
                            null,
                            null));
        });
    }

    /**
     * An EIP-7702 authorization for this key's account, as viem's {@code signAuthorization} signs it: the result
     * is r, s and the y-parity (as {@code v}, 0/1) an authorization list carries, returned only when the account
     * recovered from it is this key's (the authority the chain would see).
     */
    private static PayloadPlan authorization(byte[] input, KeyPipeline.Result signer, String address) {
        Eip7702Authorization.Request request = Eip7702Authorization.parse(
                Decoding.utf8(input, "the JSON of an authorization, {chainId, address, nonce}"));
        request.checkFrom(address);
        Eip7702Authorization a = request.authorization();
        byte[] digest = a.signingHash();
        List<SignReview.Row> rows = rows(signer, address);
        List<String> warnings = new ArrayList<>();
        AuthorizationRows.single(a, address, rows, warnings);
        rows.add(new SignReview.Row("Digest", hex(digest)));
        SignReview review = new SignReview(PayloadKind.ETH_AUTHORIZATION.title(), rows, warnings);
        String description = a.clears()
                ? "EIP-7702: clear the delegation on chain " + a.chainId()
                : "EIP-7702: delegate to " + a.delegate() + " on chain " + a.chainId();
        return digestPlan(
                PayloadKind.ETH_AUTHORIZATION, review, signer, address, a.signingPayload(), digest, description, true);
    }

    /** EIP-191 and EIP-712: a 65-byte {@code r ‖ s ‖ v} (v 27/28) whose recovered signer is the key's address. */
    private static PayloadPlan messagePlan(
            PayloadKind kind,
            SignReview review,
            KeyPipeline.Result signer,
            String address,
            byte[] payload,
            byte[] digest) {
        return digestPlan(kind, review, signer, address, payload, digest, kind.title(), false);
    }

    /**
     * One digest signed and returned as {@code r ‖ s ‖ v} only when the signer recovered from it is the key's
     * address; {@code v} is the y-parity 0/1 where the result goes into a list of tuples (EIP-7702), else 27/28.
     */
    private static PayloadPlan digestPlan(
            PayloadKind kind,
            SignReview review,
            KeyPipeline.Result signer,
            String address,
            byte[] payload,
            byte[] digest,
            String description,
            boolean yParity) {
        PayloadPlan.Part part = part(signer, digest, description);
        return new SinglePlan(review, part, address, hex(digest), res -> {
            EvmSignature sig = PayloadResults.lowS(res);
            String recovered = EcRecover.recoverAddress(digest, sig);
            if (!EcRecover.sameAddress(recovered, address)) {
                throw PayloadResults.rejected("the signer recovered from the signature (" + recovered
                        + ") is not this key's address " + address);
            }
            int v = yParity ? sig.recoveryId() : sig.v();
            return PayloadResults.of(
                    kind,
                    List.of(res),
                    PayloadResults.Output.signature(
                            hex(payload),
                            hex(digest),
                            hex(rsv(sig, v)),
                            hex(word(sig.r())),
                            hex(word(sig.s())),
                            v,
                            res.der()));
        });
    }

    private static PayloadPlan.Part part(KeyPipeline.Result signer, byte[] digest, String description) {
        return new PayloadPlan.Part(signer.derived().path(), null, digest, true, Chain.EVM, digest, description);
    }

    private static byte[] rsv(EvmSignature sig, int v) {
        byte[] out = Arrays.copyOf(sig.encode(), 65);
        out[64] = (byte) v;
        return out;
    }

    private static byte[] word(BigInteger value) {
        byte[] b = value.toByteArray();
        byte[] out = new byte[32];
        int n = Math.min(b.length, 32);
        System.arraycopy(b, b.length - n, out, 32 - n, n);
        return out;
    }

    private static List<SignReview.Row> rows(KeyPipeline.Result signer, String address) {
        List<SignReview.Row> rows = new ArrayList<>();
        rows.add(new SignReview.Row("Address", address));
        rows.add(new SignReview.Row("Path", signer.derivationPath()));
        return rows;
    }

    private static String hex(byte[] bytes) {
        return "0x" + Hex.encode(bytes);
    }
}
