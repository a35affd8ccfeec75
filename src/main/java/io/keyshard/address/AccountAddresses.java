package io.keyshard.address;

import io.keyshard.bytes.Hex;
import io.keyshard.crypto.Digests;
import io.keyshard.curve.CurveName;
import io.keyshard.curve.Point;
import io.keyshard.curve.WeierstrassPoint;
import io.keyshard.derive.Network;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/** Address encoders of the account-model chains (EVM, Tron, Cosmos, Solana, Stellar, Sui, Aptos) and did:key. */
public final class AccountAddresses {
    /** The first byte of every Tron address. */
    public static final int TRON_PREFIX = 0x41;

    private AccountAddresses() {}

    /** The last 20 bytes of Keccak-256 of the 64-byte uncompressed key (EVM and Tron). */
    static byte[] keccakAddress(Point key) {
        byte[] uncompressed = ((WeierstrassPoint) key).encodeUncompressed();
        byte[] h = Hashes.keccak256(Arrays.copyOfRange(uncompressed, 1, uncompressed.length));
        return Arrays.copyOfRange(h, 12, 32);
    }

    /** {@code 0x} + EIP-55 mixed-case checksummed hex. */
    public static Address evm(CurveName curve, Point key, Network network) {
        return Address.of(eip55(Hex.encode(keccakAddress(key))));
    }

    /** EIP-55: a hex letter is upper case iff the matching nibble of Keccak-256(lower-case hex) is 8 or more. */
    public static String eip55(String hex40) {
        String lower = hex40.toLowerCase(Locale.ROOT);
        byte[] h = Hashes.keccak256(lower.getBytes(StandardCharsets.US_ASCII));
        StringBuilder sb = new StringBuilder("0x");
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            int nibble = (h[i / 2] >>> (i % 2 == 0 ? 4 : 0)) & 0xf;
            sb.append(c >= 'a' && nibble >= 8 ? Character.toUpperCase(c) : c);
        }
        return sb.toString();
    }

    /** Whether {@code address} is a valid EVM address: all lower, all upper, or exactly its EIP-55 form. */
    public static boolean isValidEvm(String address) {
        if (address == null || !address.matches("0x[0-9a-fA-F]{40}")) {
            return false;
        }
        String hex = address.substring(2);
        return hex.equals(hex.toLowerCase(Locale.ROOT))
                || hex.equals(hex.toUpperCase(Locale.ROOT))
                || eip55(hex).equals(address);
    }

    /** Base58Check of 0x41 ‖ the EVM-style 20 bytes ({@code T...}). */
    public static Address tron(CurveName curve, Point key, Network network) {
        return Address.of(tron(keccakAddress(key)));
    }

    /** The Tron address ({@code T...}) of the 20 bytes an EVM address holds: Base58Check of 0x41 ‖ them. */
    public static String tron(byte[] twenty) {
        if (twenty.length != 20) {
            throw new IllegalArgumentException("an address holds 20 bytes");
        }
        byte[] payload = new byte[21];
        payload[0] = TRON_PREFIX;
        System.arraycopy(twenty, 0, payload, 1, 20);
        return Base58.encodeCheck(payload);
    }

    /** Bech32 {@code cosmos1...} of HASH160(compressed key). */
    public static Address cosmos(CurveName curve, Point key, Network network) {
        byte[] data = Bech32.convertBits(Digests.hash160(key.encode()), 8, 5, true);
        return Address.of(Bech32.encode("cosmos", data, Bech32.Variant.BECH32));
    }

    /** {@code 0x} + BLAKE2b-256(0x00 flag for Ed25519 ‖ key). */
    public static Address sui(CurveName curve, Point key, Network network) {
        return Address.of(sui(key.encode()));
    }

    static String sui(byte[] ed25519Key) {
        return "0x" + Hex.encode(Hashes.blake2b256(new byte[] {0x00}, ed25519Key));
    }

    /** {@code 0x} + SHA3-256(key ‖ 0x00 single-key Ed25519 scheme): the account's authentication key. */
    public static Address aptos(CurveName curve, Point key, Network network) {
        return Address.of(aptos(key.encode()));
    }

    static String aptos(byte[] ed25519Key) {
        return "0x" + Hex.encode(Hashes.sha3_256(ed25519Key, new byte[] {0x00}));
    }

    /** Base58 of the 32-byte Ed25519 key. */
    public static Address solana(CurveName curve, Point key, Network network) {
        return Address.of(Base58.encode(key.encode()));
    }

    /** StrKey {@code G...} of the Ed25519 key. */
    public static Address stellar(CurveName curve, Point key, Network network) {
        return Address.of(StrKey.encode(StrKey.ACCOUNT_ID, key.encode()));
    }

    /** {@code did:key:z...} for any of the seven curves. */
    public static Address didKey(CurveName curve, Point key, Network network) {
        return Address.of(DidKey.encode(curve, key));
    }
}
