package io.keyshard.payload.tron;

import io.keyshard.address.AccountAddresses;
import io.keyshard.address.Base58;
import io.keyshard.curve.CurveName;
import io.keyshard.curve.Point;
import io.keyshard.derive.Network;
import io.keyshard.payload.evm.EcRecover;
import io.keyshard.payload.evm.EvmSignature;
import java.util.Arrays;

/**
 * Tron account addresses: 21 bytes, 0x41 and the 20 bytes an EVM address would hold, written in Base58Check
 * ({@code T...}). Transactions carry the bytes; the review shows the text a wallet shows.
 */
public final class TronAddress {
    /** The first byte of every Tron address. */
    static final int PREFIX = AccountAddresses.TRON_PREFIX;

    /** The address of 20 zero bytes: nobody holds its key, so what is sent there is lost. */
    public static final String ZERO = "T9yD14Nj9j7xAB4dbGeiX9h8unkKHxuWwb";

    private TronAddress() {}

    /** The {@code T...} text of the 21 address bytes of field {@code name}; anything else is refused. */
    static String of(byte[] bytes, String name) {
        if (bytes == null || bytes.length == 0) {
            throw new IllegalArgumentException("the transaction gives no " + name);
        }
        if (bytes.length != 21 || (bytes[0] & 0xff) != PREFIX) {
            throw new IllegalArgumentException("the " + name + " is not a Tron address (21 bytes starting 0x41)");
        }
        return Base58.encodeCheck(bytes);
    }

    /** The {@code T...} text of the 20 bytes an ABI address word holds (a TRC-20 call's recipient). */
    public static String ofEvmBytes(byte[] twenty) {
        return AccountAddresses.tron(twenty);
    }

    /**
     * The account whose key made {@code signature} (65 bytes {@code r || s || v}, v 27/28 or 0/1 as a node takes
     * both) over {@code digest}, recovered as a node recovers it.
     */
    static String recover(byte[] digest, byte[] signature) {
        Point key = EcRecover.recover(digest, EvmSignature.decode(signature));
        return AccountAddresses.tron(CurveName.SECP256K1, key, Network.MAINNET).value();
    }

    /** The 21 bytes of a {@code T...} address, or null when the text is not one. */
    static byte[] bytesOf(String text) {
        try {
            byte[] b = Base58.decodeCheck(text);
            return b.length == 21 && (b[0] & 0xff) == PREFIX ? b : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Whether two addresses are the same account: the same 21 bytes. */
    static boolean same(String a, String b) {
        byte[] x = bytesOf(a);
        return x != null && Arrays.equals(x, bytesOf(b));
    }
}
