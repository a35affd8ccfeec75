package io.keyshard.payload.solana;

import io.keyshard.address.Base58;
import io.keyshard.crypto.Digests;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** Messages of one instruction over accounts named by address, laid out by hand for the instruction tests. */
final class OneInstruction {
    private OneInstruction() {}

    /** A distinct address for each name, of no key anyone holds. */
    static String addressNamed(String name) {
        return Base58.encode(Digests.sha256(name.getBytes(StandardCharsets.UTF_8)));
    }

    /** As {@link #message(String, List, String, List, byte[])}, with every account but the payer and program writable. */
    static SolanaMessage message(String payer, String program, List<String> accounts, byte[] data) {
        List<String> writable = accounts.stream()
                .filter(a -> !a.equals(payer) && !a.equals(program))
                .distinct()
                .toList();
        return message(payer, writable, program, accounts, data);
    }

    /**
     * A legacy message with one instruction of {@code program} over {@code accounts} (by address, in order) and
     * {@code data}; the first account that is a signer pays the fee, every other account is read-only but for the
     * ones in {@code writable}.
     */
    static SolanaMessage message(
            String payer, List<String> writable, String program, List<String> accounts, byte[] data) {
        LinkedHashSet<String> keys = new LinkedHashSet<>();
        keys.add(payer);
        keys.addAll(writable);
        int writableCount = keys.size();
        keys.addAll(accounts);
        keys.add(program);
        List<String> order = new ArrayList<>(keys);
        SolanaWire w = new SolanaWire().u8(1, 0, order.size() - writableCount).len(order.size());
        order.forEach(k -> w.raw(Base58.decode(k)));
        w.raw(SolanaWire.filled(0x5a)).len(1).u8(order.indexOf(program)).len(accounts.size());
        accounts.forEach(a -> w.u8(order.indexOf(a)));
        w.len(data.length).raw(data);
        return SolanaTransaction.parse(w.bytes()).message();
    }

    /**
     * As {@link #message}, but a v0 message that loads the accounts in {@code looked} up from an address table (as
     * read-only accounts, in that order) instead of naming them.
     */
    static SolanaMessage v0Message(
            String payer,
            List<String> writable,
            String program,
            List<String> accounts,
            byte[] data,
            List<String> looked) {
        LinkedHashSet<String> keys = new LinkedHashSet<>();
        keys.add(payer);
        keys.addAll(writable);
        int writableCount = keys.size();
        accounts.stream().filter(a -> !looked.contains(a)).forEach(keys::add);
        keys.add(program);
        List<String> order = new ArrayList<>(keys);
        order.addAll(looked);
        int statics = keys.size();
        SolanaWire w = new SolanaWire().u8(0x80, 1, 0, statics - writableCount).len(statics);
        order.subList(0, statics).forEach(k -> w.raw(Base58.decode(k)));
        w.raw(SolanaWire.filled(0x5a)).len(1).u8(order.indexOf(program)).len(accounts.size());
        accounts.forEach(a -> w.u8(order.indexOf(a)));
        w.len(data.length).raw(data).len(1).key(0x7a).len(0).len(looked.size());
        for (int i = 0; i < looked.size(); i++) {
            w.u8(i);
        }
        return SolanaTransaction.parse(w.bytes()).message();
    }
}
