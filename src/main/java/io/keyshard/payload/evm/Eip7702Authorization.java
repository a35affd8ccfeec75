package io.keyshard.payload.evm;

import com.fasterxml.jackson.databind.JsonNode;
import io.keyshard.address.AccountAddresses;
import io.keyshard.address.Hashes;
import io.keyshard.bytes.Hex;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * An EIP-7702 authorization before it is signed: "let {@code address}'s code run as my account on chain {@code
 * chainId} (0: every chain), at my account's nonce {@code nonce}". Its key signs
 * {@code keccak256(0x05 ‖ rlp([chainId, address, nonce]))} (EIP-7702, "Set code transaction"); the address zero
 * clears a delegation instead.
 */
public record Eip7702Authorization(BigInteger chainId, byte[] address, BigInteger nonce) {
    /** EIP-7702's MAGIC: the byte before the tuple's RLP, so no other signed kind hashes the same. */
    public static final int MAGIC = 0x05;

    /** 2^64: every nonce in a set-code transaction is below it, or the transaction is invalid (EIP-7702's bounds). */
    private static final BigInteger NONCE_BOUND = BigInteger.ONE.shiftLeft(64);

    private static final Set<String> FIELDS = Set.of("chainId", "address", "contractAddress", "nonce", "from");
    private static final Set<String> SIGNATURE_FIELDS = Set.of("r", "s", "yParity", "v");

    /** Bounds a set-code transaction requires of every tuple: chain id below 2^256, nonce below 2^64, 20 bytes. */
    public Eip7702Authorization {
        if (chainId.signum() < 0 || chainId.bitLength() > 256) {
            throw new IllegalArgumentException("an authorization's chainId must be below 2^256");
        }
        if (nonce.signum() < 0 || nonce.compareTo(NONCE_BOUND) >= 0) {
            throw new IllegalArgumentException("an authorization's nonce must be below 2^64 (got " + nonce + ")");
        }
        if (address.length != 20) {
            throw new IllegalArgumentException("an authorization's address is 20 bytes, got " + address.length);
        }
        address = address.clone();
    }

    @Override
    public byte[] address() {
        return address.clone();
    }

    /** The delegate contract, EIP-55. */
    public String delegate() {
        return AccountAddresses.eip55(Hex.encode(address));
    }

    /** Whether it clears the account's delegation (address zero) instead of setting one. */
    public boolean clears() {
        for (byte b : address) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    /** Whether it is valid on every chain (chain id 0). */
    public boolean everyChain() {
        return chainId.signum() == 0;
    }

    /**
     * Whether the chain skips it for its nonce: EIP-7702's processing takes only a nonce below 2^64 - 1, since
     * the account's nonce is then raised by one.
     */
    public boolean nonceSkipped() {
        return nonce.equals(NONCE_BOUND.subtract(BigInteger.ONE));
    }

    /** {@code 0x05 ‖ rlp([chainId, address, nonce])}: the bytes whose Keccak-256 is signed. */
    public byte[] signingPayload() {
        return Bytes.concat(new byte[] {MAGIC}, Rlp.encodeList(fields()));
    }

    /** The digest the authority's key signs. */
    public byte[] signingHash() {
        return Hashes.keccak256(signingPayload());
    }

    /** Reads back {@link #signingPayload()}: {@code 0x05} and the canonical RLP of the three fields. */
    public static Eip7702Authorization fromSigningPayload(byte[] payload) {
        if (payload.length < 2 || payload[0] != MAGIC) {
            throw new IllegalArgumentException("an authorization's signed bytes start with 0x05");
        }
        if (!(Rlp.decode(Arrays.copyOfRange(payload, 1, payload.length)) instanceof Rlp.Seq seq)
                || seq.items().size() != 3) {
            throw new IllegalArgumentException("an authorization is 0x05 followed by rlp([chainId, address, nonce])");
        }
        List<Rlp.Item> f = seq.items();
        Eip7702Authorization a = new Eip7702Authorization(
                TransactionFields.integer(f.get(0), "chainId"),
                TransactionFields.str(f.get(1), "address"),
                TransactionFields.integer(f.get(2), "nonce"));
        if (!Arrays.equals(a.signingPayload(), payload)) {
            throw new IllegalArgumentException("the authorization is not canonically encoded (RLP)");
        }
        return a;
    }

    List<byte[]> fields() {
        return List.of(Rlp.encodeInteger(chainId), Rlp.encodeString(address), Rlp.encodeInteger(nonce));
    }

    /**
     * Reads the authorization to sign from its JSON, viem's {@code prepareAuthorization} form: {@code {chainId,
     * address, nonce}} ({@code contractAddress} as older viem names the address), and {@code from} when the
     * request names the authority, checked against the key. One already signed (r, s, yParity) is refused.
     */
    public static Request parse(String json) {
        JsonNode root = Quantities.object(json, "the authorization", "{chainId, address, nonce}");
        Quantities.firstUnknownField(root, FIELDS::contains).ifPresent(name -> {
            throw new IllegalArgumentException(
                    SIGNATURE_FIELDS.contains(name)
                            ? "the authorization is already signed (it has " + name
                                    + "): give {chainId, address, nonce} alone"
                            : "unknown authorization field '" + name
                                    + "': an authorization is {chainId, address, nonce}");
        });
        if (root.has("address") && root.has("contractAddress")) {
            throw new IllegalArgumentException("give address or contractAddress, not both");
        }
        String addressField = root.has("contractAddress") ? "contractAddress" : "address";
        Quantities.firstMissingField(root, List.of("chainId", addressField, "nonce"))
                .ifPresent(name -> {
                    throw new IllegalArgumentException("the authorization field " + name + " is missing");
                });
        Eip7702Authorization a = new Eip7702Authorization(
                Quantities.unsigned(root.get("chainId"), "chainId", 256),
                Quantities.address(root.get(addressField), addressField),
                Quantities.unsigned(root.get("nonce"), "nonce", 64));
        if (a.nonceSkipped()) {
            throw new IllegalArgumentException("nonce 2^64 - 1 is never valid: the chain skips the authorization");
        }
        String from = root.hasNonNull("from") ? Quantities.eip55(root.get("from"), "from") : null;
        return new Request(a, from);
    }

    /** An authorization to sign and the authority the request names, if any (not signed, only checked). */
    public record Request(Eip7702Authorization authorization, String from) {
        /** Refuses a request whose {@code from} is another account than the key's. */
        public void checkFrom(String keyAddress) {
            if (from != null && !EcRecover.sameAddress(from, keyAddress)) {
                throw new IllegalArgumentException("the authorization's from " + from + " is not this key's "
                        + "address " + keyAddress + ": pick the key (and path) of that account, or remove from");
            }
        }
    }
}
