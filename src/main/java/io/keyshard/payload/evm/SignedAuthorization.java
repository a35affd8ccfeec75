package io.keyshard.payload.evm;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One tuple of a set-code transaction's authorization list, {@code [chainId, address, nonce, yParity, r, s]}
 * (EIP-7702): an authorization and its authority's signature. The transaction only bounds the numbers; a
 * signature the chain cannot take (yParity not 0 or 1, a high s, no key recovered) makes the chain skip the
 * tuple, so it is read and shown as such rather than refused.
 */
public record SignedAuthorization(Eip7702Authorization authorization, BigInteger yParity, BigInteger r, BigInteger s) {
    private static final Set<String> FIELDS = Set.of("chainId", "address", "nonce", "yParity", "r", "s");

    /** EIP-7702's bounds: yParity below 2^8, r and s below 2^256. */
    public SignedAuthorization {
        if (yParity.signum() < 0 || yParity.bitLength() > 8) {
            throw new IllegalArgumentException("an authorization's yParity must be below 2^8");
        }
        if (r.signum() < 0 || r.bitLength() > 256 || s.signum() < 0 || s.bitLength() > 256) {
            throw new IllegalArgumentException("an authorization's r and s must be below 2^256");
        }
    }

    /** The account whose code it sets, EIP-55; empty when the chain skips it for its signature. */
    public Optional<String> authority() {
        if (yParity.compareTo(BigInteger.ONE) > 0) {
            return Optional.empty();
        }
        try {
            EvmSignature sig = new EvmSignature(r, s, yParity.intValue());
            if (!sig.isLowS()) {
                return Optional.empty();
            }
            return Optional.of(EcRecover.recoverAddress(authorization.signingHash(), sig));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether a chain with id {@code chainId} takes it: chain id 0 or its own, and a nonce the chain can raise; the
     * authority's signature is {@link #authority()}'s question, its account's nonce the chain's.
     */
    public boolean appliesOn(BigInteger chainId) {
        Eip7702Authorization a = authorization;
        return (a.everyChain() || a.chainId().equals(chainId)) && !a.nonceSkipped();
    }

    /**
     * The tuple as the nodes' RPC and viem write an {@code authorizationList} entry, and as {@code sign eth-tx}
     * reads one: {@code chainId}, {@code address} (EIP-55), {@code nonce}, {@code yParity} as {@code 0x} quantities,
     * {@code r} and {@code s} as 32-byte {@code 0x} hex.
     */
    public Map<String, String> rpcFields() {
        Map<String, String> o = new LinkedHashMap<>();
        o.put("chainId", "0x" + authorization.chainId().toString(16));
        o.put("address", authorization.delegate());
        o.put("nonce", "0x" + authorization.nonce().toString(16));
        o.put("yParity", "0x" + yParity.toString(16));
        o.put("r", Bytes.hex(Bytes.word(r)));
        o.put("s", Bytes.hex(Bytes.word(s)));
        return o;
    }

    byte[] encode() {
        List<byte[]> fields = new ArrayList<>(authorization.fields());
        fields.add(Rlp.encodeInteger(yParity));
        fields.add(Rlp.encodeInteger(r));
        fields.add(Rlp.encodeInteger(s));
        return Rlp.encodeList(fields);
    }

    /** The RLP authorization list of a set-code transaction. */
    static byte[] encodeList(List<SignedAuthorization> list) {
        List<byte[]> items = new ArrayList<>();
        for (SignedAuthorization a : list) {
            items.add(a.encode());
        }
        return Rlp.encodeList(items);
    }

    /** Reads an RLP authorization list: a list of six-item tuples, integers canonical and bounded. */
    static List<SignedAuthorization> fromRlp(Rlp.Item item) {
        if (!(item instanceof Rlp.Seq seq)) {
            throw new IllegalArgumentException("authorizationList must be an RLP list");
        }
        List<SignedAuthorization> list = new ArrayList<>();
        for (Rlp.Item e : seq.items()) {
            String where = "authorizationList[" + list.size() + "]";
            if (!(e instanceof Rlp.Seq t) || t.items().size() != 6) {
                throw new IllegalArgumentException(where + " must be [chainId, address, nonce, yParity, r, s]");
            }
            List<Rlp.Item> f = t.items();
            list.add(new SignedAuthorization(
                    new Eip7702Authorization(
                            TransactionFields.integer(f.get(0), where + ".chainId"),
                            TransactionFields.str(f.get(1), where + ".address"),
                            TransactionFields.integer(f.get(2), where + ".nonce")),
                    TransactionFields.integer(f.get(3), where + ".yParity"),
                    TransactionFields.integer(f.get(4), where + ".r"),
                    TransactionFields.integer(f.get(5), where + ".s")));
        }
        return list;
    }

    /**
     * Reads the {@code authorizationList} of {@code eth_sendTransaction}'s JSON: entries as viem and the nodes'
     * RPC write them, {@code {chainId, address, nonce, yParity, r, s}}.
     */
    static List<SignedAuthorization> fromJson(JsonNode node) {
        if (node == null || !node.isArray()) {
            throw new IllegalArgumentException(
                    "authorizationList must be an array of {chainId, address, nonce, yParity, r, s}");
        }
        List<SignedAuthorization> list = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode e = node.get(i);
            String where = "authorizationList[" + i + "]";
            if (!e.isObject()) {
                throw new IllegalArgumentException(where + " must be {chainId, address, nonce, yParity, r, s}");
            }
            Quantities.firstUnknownField(e, FIELDS::contains).ifPresent(name -> {
                throw new IllegalArgumentException("unknown field '" + name + "' in " + where
                        + ": an authorization is {chainId, address, nonce, yParity, r, s}");
            });
            Quantities.firstMissingField(e, List.of("chainId", "address", "nonce", "yParity", "r", "s"))
                    .ifPresent(name -> {
                        throw new IllegalArgumentException(where + "." + name + " is missing");
                    });
            list.add(new SignedAuthorization(
                    new Eip7702Authorization(
                            Quantities.unsigned(e.get("chainId"), where + ".chainId", 256),
                            Quantities.address(e.get("address"), where + ".address"),
                            Quantities.unsigned(e.get("nonce"), where + ".nonce", 64)),
                    Quantities.unsigned(e.get("yParity"), where + ".yParity", 8),
                    Quantities.unsigned(e.get("r"), where + ".r", 256),
                    Quantities.unsigned(e.get("s"), where + ".s", 256)));
        }
        return list;
    }
}
