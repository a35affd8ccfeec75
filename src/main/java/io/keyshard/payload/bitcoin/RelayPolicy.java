package io.keyshard.payload.bitcoin;

/**
 * The limits of Bitcoin Core's default relay policy that a signer can check from the transaction
 * alone: a transaction outside them does not reach miners, or is refused by the sending node.
 * Nodes may be set otherwise; these are the defaults most of the network runs.
 */
public final class RelayPolicy {
    /** {@code -minrelaytxfee} since Bitcoin Core 29.1: 100 sat/kvB. */
    public static final double MIN_RELAY_SAT_PER_VB = 0.1;
    /** {@code -minrelaytxfee} of Bitcoin Core before 29.1, still kept by Bitcoin Knots: 1,000 sat/kvB. */
    public static final double OLD_MIN_RELAY_SAT_PER_VB = 1.0;
    /** {@code sendrawtransaction}'s default {@code maxfeerate}, 0.10 BTC/kvB: a node refuses to send more. */
    public static final double MAX_FEE_RATE_SAT_PER_VB = 10_000;
    /** {@code MAX_STANDARD_TX_WEIGHT} (400,000 weight units) in virtual bytes. */
    public static final long MAX_STANDARD_VSIZE = 100_000;

    /** {@code -dustrelayfee}'s default, 3,000 sat/kvB: 3 sat per virtual byte. */
    private static final long DUST_SAT_PER_VB = 3;
    /** A script longer than this ({@code MAX_SCRIPT_SIZE}) can never be spent. */
    private static final int MAX_SCRIPT_SIZE = 10_000;
    /** Spending a witness program: outpoint, empty scriptSig, sequence and a 107-byte witness at a quarter weight. */
    private static final long WITNESS_SPEND_BYTES = 32 + 4 + 1 + 107 / 4 + 4;
    /** Spending any other script: outpoint, a 107-byte scriptSig and sequence. */
    private static final long LEGACY_SPEND_BYTES = 32 + 4 + 1 + 107 + 4;

    private RelayPolicy() {}

    /**
     * The smallest amount, in satoshis, an output paying {@code script} may carry without being dust
     * (Bitcoin Core {@code GetDustThreshold}): what it costs to create and later spend it at the dust
     * fee rate. 0 for a script that can never be spent (OP_RETURN data), which carries no value to lose.
     */
    public static long dustThreshold(byte[] script) {
        if (script.length > 0 && (script[0] & 0xff) == 0x6a || script.length > MAX_SCRIPT_SIZE) {
            return 0;
        }
        long outputBytes = 8 + compactSizeLength(script.length) + script.length;
        long spendBytes = isWitnessProgram(script) ? WITNESS_SPEND_BYTES : LEGACY_SPEND_BYTES;
        return (outputBytes + spendBytes) * DUST_SAT_PER_VB;
    }

    /** A version byte (OP_0, OP_1..OP_16) then one push of the 2 to 40 bytes that follow (BIP-141). */
    static boolean isWitnessProgram(byte[] s) {
        if (s.length < 4 || s.length > 42) {
            return false;
        }
        int version = s[0] & 0xff;
        return (version == 0 || version >= 0x51 && version <= 0x60) && (s[1] & 0xff) == s.length - 2;
    }

    private static int compactSizeLength(long n) {
        return n < 0xfd ? 1 : n <= 0xffff ? 3 : 5;
    }
}
