package io.keyshard.payload.tron;

import java.util.List;

/**
 * What a Tron transaction's one contract does, in words: its title ("Send TRX"), the account it acts for, the
 * TRX it takes out of that account (in sun, 10^-6 TRX), one line per value a person checks, and the warnings.
 *
 * @param title what the contract does, e.g. {@code Send TRX} or {@code Call a contract}
 * @param contract the java-tron name of the contract type, e.g. {@code TransferContract}
 * @param owner the account the contract acts for ({@code T...}): the one that must sign
 * @param sunSent the TRX the account sends to someone else, in sun (0 when it sends none)
 * @param lines what the review lists, in order
 * @param warnings what a person must know before signing; empty when nothing stands out
 */
public record TronAction(
        String title, String contract, String owner, long sunSent, List<Line> lines, List<String> warnings) {
    /** One labelled value of the review. */
    public record Line(String label, String value) {}

    public TronAction {
        lines = List.copyOf(lines);
        warnings = List.copyOf(warnings);
    }
}
