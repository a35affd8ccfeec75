package io.keyshard.payload.solana;

import io.keyshard.address.Base58;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a user checks before signing a Solana transaction: the fee payer, every account with its
 * signer and writable flags, the programs called, how many instructions, the recent blockhash (or
 * durable nonce), the v0 address-table lookups (their addresses live on chain, so only the table
 * and index are known), and how many signature slots are already filled.
 */
public record SolanaReview(
        String version,
        String feePayer,
        List<Account> accounts,
        List<String> programIds,
        int instructionCount,
        String recentBlockhash,
        List<Lookup> lookups,
        int signaturesRequired,
        int signaturesPresent) {

    /** A static account of the message. */
    public record Account(String address, boolean signer, boolean writable) {}

    /** Accounts a v0 message loads from an address lookup table. */
    public record Lookup(String table, List<Integer> writableIndexes, List<Integer> readonlyIndexes) {}

    static SolanaReview of(SolanaTransaction tx) {
        SolanaMessage m = tx.message();
        List<Account> accounts = new ArrayList<>();
        for (int i = 0; i < m.staticKeys().size(); i++) {
            accounts.add(
                    new Account(Base58.encode(m.staticKeys().get(i)), i < m.numRequiredSignatures(), m.isWritable(i)));
        }
        Set<String> programs = new LinkedHashSet<>();
        for (SolanaMessage.Instruction ix : m.instructions()) {
            programs.add(accounts.get(ix.programIndex()).address());
        }
        List<Lookup> lookups = new ArrayList<>();
        for (SolanaMessage.AddressTableLookup l : m.lookups()) {
            lookups.add(new Lookup(Base58.encode(l.table()), boxed(l.writableIndexes()), boxed(l.readonlyIndexes())));
        }
        int present = 0;
        for (byte[] s : tx.signatures()) {
            for (byte b : s) {
                if (b != 0) {
                    present++;
                    break;
                }
            }
        }
        return new SolanaReview(
                m.version() == SolanaMessage.LEGACY ? "legacy" : "v" + m.version(),
                accounts.get(0).address(),
                accounts,
                List.copyOf(programs),
                m.instructions().size(),
                Base58.encode(m.recentBlockhash()),
                lookups,
                m.numRequiredSignatures(),
                present);
    }

    private static List<Integer> boxed(int[] values) {
        List<Integer> out = new ArrayList<>();
        for (int v : values) {
            out.add(v);
        }
        return out;
    }
}
