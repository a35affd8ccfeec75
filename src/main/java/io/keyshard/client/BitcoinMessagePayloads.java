package io.keyshard.client;

import io.keyshard.address.Chain;
import io.keyshard.address.KeyPipeline;
import io.keyshard.bytes.Hex;
import io.keyshard.crypto.Digests;
import io.keyshard.curve.CurveName;
import io.keyshard.derive.DerivationPath;
import io.keyshard.payload.bitcoin.Bip322;
import io.keyshard.payload.bitcoin.LegacyMessage;
import io.keyshard.payload.bitcoin.Scripts;
import io.keyshard.payload.evm.EvmSignature;
import io.keyshard.vault.KeyRecord;
import io.keyshard.wire.TaprootTweak;
import java.util.ArrayList;
import java.util.List;

/**
 * A message signed for a Bitcoin address, as wallets verify it: BIP-322 simple for a native SegWit
 * (P2WPKH) or Taproot (P2TR, the BIP-86 output key) address, Bitcoin Core's {@code signmessage} for a
 * legacy P2PKH one. The signature is checked the way a verifier checks it before it is returned.
 */
final class BitcoinMessagePayloads {
    private BitcoinMessagePayloads() {}

    static PayloadPlan plan(KeyRecord key, PayloadRequest r) {
        byte[] message = r.input();
        SignRequest.checkMessageLength(message.length);
        Chain chain = chain(key.curve(), r.chain());
        DerivationPath path = r.path() != null ? r.path() : chain.defaultPath(0, 0, r.network());
        KeyPipeline.Result signer = KeyPipeline.run(Workspace.rootOf(key), chain, path, r.network());
        String address = signer.address().value();
        byte[] publicKey = signer.derived().key().publicKey();
        byte[] challenge = switch (chain) {
            case BITCOIN_P2TR -> Scripts.p2tr(Hex.decode(signer.addressDetails().get("outputKey"), "output key"));
            case BITCOIN_P2WPKH -> Scripts.p2wpkh(Digests.hash160(publicKey));
            default -> Scripts.p2pkh(Digests.hash160(publicKey));
        };
        boolean legacy = chain == Chain.BITCOIN_P2PKH;
        byte[] digest = legacy ? LegacyMessage.digest(message) : Bip322.sighash(challenge, message);

        List<SignReview.Row> rows = new ArrayList<>();
        rows.add(new SignReview.Row("Address", address));
        rows.add(new SignReview.Row("Path", signer.derivationPath()));
        rows.add(new SignReview.Row(
                "Format",
                legacy
                        ? "signmessage (Bitcoin Core's verifymessage; BIP-322 keeps it for P2PKH)"
                        : "BIP-322 simple (smp), as wallets verify a message of a "
                                + (chain == Chain.BITCOIN_P2TR ? "Taproot" : "SegWit") + " address"));
        rows.add(new SignReview.Row("Message", Decoding.displayForApproval(message)));
        rows.add(new SignReview.Row("Length", message.length + " bytes"));
        rows.add(new SignReview.Row("Digest", Hex.encode(digest)));
        List<String> warnings = new ArrayList<>();
        if (Decoding.printable(message) == null) {
            warnings.add("the message is not text: a Bitcoin message is read by a person, so check what it is");
        }
        SignReview review = new SignReview(PayloadKind.BTC_MESSAGE.title(), rows, warnings);
        PayloadPlan.Part part = new PayloadPlan.Part(
                signer.derived().path(),
                chain == Chain.BITCOIN_P2TR ? TaprootTweak.KEY_PATH : null,
                digest,
                true,
                chain,
                digest,
                "Bitcoin message of " + message.length + " bytes for " + address);
        return new SinglePlan(review, part, address, Hex.encode(digest), res -> {
            String signature = signature(chain, publicKey, res);
            String problem = legacy
                    ? LegacyMessage.check(Scripts.payload(challenge), message, signature)
                    : Bip322.check(challenge, message, signature);
            if (problem != null) {
                throw PayloadResults.rejected("the message signature does not verify for " + address + ": " + problem);
            }
            return PayloadResults.of(
                    PayloadKind.BTC_MESSAGE,
                    List.of(res),
                    PayloadResults.Output.signature(Hex.encode(message), Hex.encode(digest), signature));
        });
    }

    /** The address kind: the one asked for, else the first a key of this curve has (SegWit for ECDSA, Taproot for BIP-340). */
    private static Chain chain(CurveName curve, Chain asked) {
        List<Chain> kinds = PayloadKind.BTC_MESSAGE.chains();
        Chain chain = asked != null
                ? asked
                : kinds.stream().filter(c -> c.supports(curve)).findFirst().orElse(kinds.get(0));
        if (!PayloadKind.BTC_MESSAGE.signsOn(chain)) {
            throw new IllegalArgumentException("a Bitcoin message is signed for a Bitcoin address, not on "
                    + chain.id() + ": pick bitcoin-p2wpkh or bitcoin-p2pkh (SECP256k1) or bitcoin-p2tr "
                    + "(SECP256K1_SCHNORR) as the chain");
        }
        chain.requireCurve(curve);
        return chain;
    }

    /** The signature in the address's format: smp + witness for SegWit and Taproot, the 65-byte compact one for P2PKH. */
    private static String signature(Chain chain, byte[] publicKey, SignResult res) {
        if (chain == Chain.BITCOIN_P2TR) {
            return Bip322.p2trSignature(Hex.decode(res.signature(), "signature"));
        }
        EvmSignature sig = PayloadResults.lowS(res);
        return chain == Chain.BITCOIN_P2PKH
                ? LegacyMessage.encode(sig)
                : Bip322.p2wpkhSignature(publicKey, sig.r(), sig.s());
    }
}
