package io.keyshard.client;

import com.fasterxml.jackson.databind.node.TextNode;
import io.keyshard.address.AccountAddresses;
import io.keyshard.address.KeyPipeline;
import io.keyshard.bytes.Hex;
import io.keyshard.payload.evm.EvmChain;
import io.keyshard.payload.evm.TypedData;
import io.keyshard.payload.evm.TypedDataReview;
import io.keyshard.payload.tron.GasFreePermit;
import io.keyshard.payload.tron.Tip712;
import io.keyshard.payload.tron.TronAddress;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Tron typed data (TIP-712, TronLink's {@code signTypedData}) reviewed and planned: the domain with the Tron
 * network its chain id names, a GasFree transfer in words, and every value signed, addresses as {@code T...}.
 */
final class TronTypedPayloads {
    private TronTypedPayloads() {}

    static PayloadPlan typed(byte[] input, KeyPipeline.Result signer, String address, Instant now) {
        TypedData data = Tip712.parse(
                Decoding.utf8(input, "the JSON of TIP-712 typed data: domain, types and message (or TronWeb's value)"));
        TypedDataReview t = data.review();
        List<String> uncovered = new ArrayList<>();
        byte[] digest = Tip712.digest(data, uncovered);
        List<SignReview.Row> rows = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        rows.add(new SignReview.Row("Signer", address));
        rows.add(new SignReview.Row("Path", signer.derivationPath()));
        TypedDataRows.domain(t, t.chainId() == null ? null : chain(t.chainId(), address, warnings), rows);
        Optional<GasFreePermit> gasFree = GasFreePermit.of(data);
        gasFree.ifPresent(p -> gasFree(p, address, now, rows, warnings));
        TypedDataRows.signed(data, address, uncovered, Hex.encode(digest), rows, warnings);
        if (t.chainId() == null) {
            warnings.add("the domain names no chain id: the signature is valid on every network, Tron's and the EVM "
                    + "chains', where a contract checks it for this key's account");
        }
        TypedDataRows.unreadPermit(gasFree.isPresent(), t, warnings);
        SignReview review = new SignReview(PayloadKind.TRON_TYPED.title(), rows, warnings);
        return TronPayloads.messagePlan(
                PayloadKind.TRON_TYPED,
                review,
                signer,
                address,
                input,
                digest,
                gasFree.map(g -> "Tron: GasFree transfer, " + g.amount(g.value()) + " to " + g.receiver())
                        .orElse(PayloadKind.TRON_TYPED.title()),
                signature -> Tip712.signerOf(digest, signature));
    }

    /**
     * The chain id with the Tron network it names. One that names an EVM chain is the danger: this key's account
     * has the same 20 bytes there, so a contract on that chain takes the signature as this key's.
     */
    private static String chain(BigInteger chainId, String address, List<String> warnings) {
        Optional<String> tron = Tip712.network(chainId);
        if (tron.isPresent()) {
            return chainId + " (" + tron.get() + ")";
        }
        Optional<EvmChain> evm = EvmChain.of(chainId);
        if (evm.isPresent()) {
            String evmAddress = AccountAddresses.eip55(
                    Hex.encode(Tip712.DIALECT.address(TextNode.valueOf(address), "this key's address")));
            warnings.add("the domain's chain id " + chainId + " is " + evm.get().name() + "'s, not a Tron network's: "
                    + "this key is also the account " + evmAddress + " there, and a contract on "
                    + evm.get().name()
                    + " takes this signature as its own; a Tron site has no reason to ask for it: do not sign");
            return chainId + " (" + evm.get().name() + ", not a Tron network)";
        }
        warnings.add("the domain's chain id " + chainId + " is not a Tron network's (mainnet 728126428, Nile "
                + "3448148188, Shasta 2494104990): check where this signature is meant to be used");
        return chainId + " (not a Tron network)";
    }

    /** A GasFree transfer: what leaves which account, to whom, the provider's fee and until when it holds. */
    private static void gasFree(
            GasFreePermit p, String address, Instant now, List<SignReview.Row> rows, List<String> warnings) {
        String amount = p.amount(p.value());
        String fee = p.amount(p.maxFee());
        rows.add(new SignReview.Row(
                "Action", "GasFree transfer: a TRC-20 token sent by a service provider, with no TRX from you"));
        rows.add(new SignReview.Row("Token", p.tokenShown()));
        rows.add(new SignReview.Row("Amount", amount));
        rows.add(new SignReview.Row("To", p.receiver()));
        rows.add(new SignReview.Row(
                "From",
                (p.user().equals(address) ? "this key's GasFree account" : "the GasFree account of " + p.user())
                        + ": a contract address GasFree derives from " + p.user()));
        rows.add(new SignReview.Row("Fee, at most", fee + " to the service provider " + p.serviceProvider()));
        rows.add(new SignReview.Row("Valid until", EvmMessageRows.date(p.deadline())));
        rows.add(new SignReview.Row("GasFree nonce", p.nonce().toString()));
        warnings.add("this signature moves " + amount + " to " + p.receiver() + ", and up to " + fee + " more as "
                + "the provider's fee, from the GasFree account of " + p.user() + " once a GasFree service provider "
                + "submits it; no transaction from you is needed, and it holds until "
                + EvmMessageRows.date(p.deadline()));
        if (!p.user().equals(address)) {
            warnings.add("the transfer is from the GasFree account of " + p.user() + ", not of this key's account "
                    + address + ": the controller checks the signature against that account, so this one does "
                    + "not move its tokens; pick the key and path of that account");
        }
        if (p.receiver().equals(p.token()) || p.receiver().equals(TronAddress.ZERO)) {
            warnings.add("the receiver " + p.receiver() + " is "
                    + (p.receiver().equals(TronAddress.ZERO) ? "the zero address" : "the token's own contract")
                    + ": tokens sent there are lost");
        }
        if (p.deadline().compareTo(BigInteger.valueOf(now.getEpochSecond())) < 0) {
            warnings.add("the deadline " + EvmMessageRows.date(p.deadline()) + " has passed: the controller "
                    + "refuses the transfer; ask for a new one");
        }
    }
}
