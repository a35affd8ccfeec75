package io.keyshard.client;

import io.keyshard.payload.evm.Eip7702Authorization;
import io.keyshard.payload.evm.EvmChain;
import io.keyshard.payload.evm.KnownDelegate;
import io.keyshard.payload.evm.SignedAuthorization;
import io.keyshard.payload.evm.TransactionReview;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * The review of EIP-7702 authorizations: one this key signs (its account then runs a contract's code), and the
 * list a set-code transaction carries, each with whose account it changes and whether the chain would skip it.
 * Delegating an account hands its whole balance to the delegate's code, so that is the first warning.
 */
final class AuthorizationRows {
    private AuthorizationRows() {}

    /** An authorization this key signs for its own account {@code address}. */
    static void single(Eip7702Authorization a, String address, List<SignReview.Row> rows, List<String> warnings) {
        rows.add(new SignReview.Row("Delegate", delegate(a)));
        rows.add(new SignReview.Row("Chain", chain(a.chainId())));
        rows.add(new SignReview.Row(
                "Account nonce",
                a.nonce() + " (it is used only while this account's nonce is " + a.nonce()
                        + ", and raises it by one)"));
        if (!a.clears()) {
            warnings.add(handsOver(address, a));
        }
        unknownDelegate(a).ifPresent(warnings::add);
        if (a.everyChain()) {
            warnings.add(everyChain(a));
        }
    }

    /** The authorization list of a set-code transaction this key sends, as rows and warnings. */
    static void inTransaction(TransactionReview t, String address, List<SignReview.Row> rows, List<String> warnings) {
        List<SignedAuthorization> list = t.authorizations();
        for (int i = 0; i < list.size(); i++) {
            SignedAuthorization s = list.get(i);
            Eip7702Authorization a = s.authorization();
            Optional<String> authority = s.authority();
            String label = "Authorization " + (i + 1);
            String named = "authorization " + (i + 1);
            String skipped = skipped(s, t.chainId());
            if (authority.isEmpty()) {
                rows.add(new SignReview.Row(label, "skipped by the chain: its signature recovers no account"));
                warnings.add(named + "'s signature recovers no account (a high s, "
                        + "a yParity other than 0 or 1, or no key): the chain skips it");
                continue;
            }
            String who = EvmMessageRows.marked(authority.get(), address);
            rows.add(new SignReview.Row(
                    label,
                    who
                            + (a.clears()
                                    ? ": clears its delegation"
                                    : " runs the code of " + a.delegate()
                                            + KnownDelegate.of(a.delegate())
                                                    .map(d -> " (" + d.name() + ")")
                                                    .orElse(""))
                            + ", on chain " + chain(a.chainId()) + ", at its nonce " + a.nonce()
                            + (skipped == null ? "" : "; skipped by the chain: " + skipped)));
            if (skipped != null) {
                warnings.add(named + " is skipped by the chain: " + skipped);
            }
            if (authority.get().equals(address)) {
                ownAuthorization(t, a, named, address, warnings);
            }
        }
    }

    private static void ownAuthorization(
            TransactionReview t, Eip7702Authorization a, String named, String address, List<String> warnings) {
        if (!a.clears()) {
            warnings.add(0, handsOver(address, a));
        }
        unknownDelegate(a).ifPresent(warnings::add);
        BigInteger next = t.nonce().add(BigInteger.ONE);
        if (!a.nonce().equals(next)) {
            warnings.add(named + " is this account's own, but its nonce " + a.nonce() + " is not this "
                    + "transaction's nonce + 1 (" + next + "): the chain raises the sender's nonce before it reads "
                    + "the authorizations, so it skips this one; sign the authorization again with nonce " + next);
        }
        if (a.everyChain()) {
            warnings.add(everyChain(a));
        }
    }

    /** Why a chain with id {@code chainId} skips the tuple whatever the accounts hold, or null. */
    private static String skipped(SignedAuthorization s, BigInteger chainId) {
        if (s.appliesOn(chainId)) {
            return null;
        }
        return s.authorization().nonceSkipped()
                ? "its nonce is 2^64 - 1, which no account can use"
                : "it is for chain " + s.authorization().chainId() + ", not this transaction's chain " + chainId;
    }

    private static String delegate(Eip7702Authorization a) {
        if (a.clears()) {
            return "none: clears this account's delegation, so it is a plain account again";
        }
        return a.delegate()
                + KnownDelegate.of(a.delegate())
                        .map(d -> " (" + d.name() + ", an audited delegate ethereum.org lists; its code runs as this "
                                + "account)")
                        .orElse(" (its code runs as this account)");
    }

    /** The warning for a delegate not on ethereum.org's list of audited ones, which drainers' contracts are not. */
    private static Optional<String> unknownDelegate(Eip7702Authorization a) {
        if (a.clears() || KnownDelegate.of(a.delegate()).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(a.delegate() + " is not one of the audited delegate contracts ethereum.org lists ("
                + KnownDelegate.names() + "); drainers take whole accounts with authorizations to contracts of "
                + "their own: do not sign unless you know who wrote this contract and have read its code");
    }

    private static String chain(BigInteger chainId) {
        return chainId.signum() == 0 ? "every chain (chain id 0)" : EvmChain.describe(chainId);
    }

    private static String handsOver(String address, Eip7702Authorization a) {
        return "this hands the account " + address + " to contract " + a.delegate() + ": once a transaction "
                + "carries this authorization (anyone may send it), that contract's code decides what happens to "
                + "every coin, token and NFT the account holds, with no further signature from this key, until "
                + "another authorization replaces it. Sign only for a delegate contract your wallet names and you "
                + "have checked; a site that asks for this asks for the whole account";
    }

    private static String everyChain(Eip7702Authorization a) {
        return "chain id 0 makes the authorization valid on every EVM chain where this account's nonce is " + a.nonce()
                + ": sign it for one chain instead";
    }
}
