package io.keyshard.payload.tron;

import io.keyshard.payload.evm.TypedData;
import io.keyshard.payload.evm.TypedDataReview;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * A GasFree transfer: TIP-712 {@code PermitTransfer} under the {@code GasFreeController} domain. Signed, it lets a
 * GasFree service provider move {@code value} of a TRC-20 token from the signer's GasFree account (a contract
 * address derived from the signer's) to {@code receiver}, keeping up to {@code maxFee} of the token as its fee;
 * the signer pays no TRX.
 *
 * @param deadline unix seconds after which the controller refuses the permit
 */
public record GasFreePermit(
        String controller,
        String token,
        String serviceProvider,
        String user,
        String receiver,
        BigInteger value,
        BigInteger maxFee,
        BigInteger deadline,
        BigInteger version,
        BigInteger nonce) {
    /** The domain name GasFree's controller contract signs under. */
    static final String DOMAIN_NAME = "GasFreeController";

    private static final List<String> MEMBERS = List.of(
            "token:address",
            "serviceProvider:address",
            "user:address",
            "receiver:address",
            "value:uint256",
            "maxFee:uint256",
            "deadline:uint256",
            "version:uint256",
            "nonce:uint256");

    /** The GasFree transfer {@code data} signs, when it is one ({@code data} must hash: its values are checked). */
    public static Optional<GasFreePermit> of(TypedData data) {
        if (!data.primaryType().equals("PermitTransfer") || !data.declares("PermitTransfer", MEMBERS)) {
            return Optional.empty();
        }
        TypedDataReview review = data.review(); // hashes the whole data: asked only of a PermitTransfer
        if (!DOMAIN_NAME.equals(review.name()) || review.verifyingContract() == null || !data.signsContractAddress()) {
            return Optional.empty();
        }
        return Optional.of(new GasFreePermit(
                review.verifyingContract(),
                address(data, "token"),
                address(data, "serviceProvider"),
                address(data, "user"),
                address(data, "receiver"),
                data.messageUint("value"),
                data.messageUint("maxFee"),
                data.messageUint("deadline"),
                data.messageUint("version"),
                data.messageUint("nonce")));
    }

    /** An amount of the permit's token: in whole tokens when it is a known one, else in its smallest units. */
    public String amount(BigInteger units) {
        return Trc20Token.shown(units, Trc20Token.at(token));
    }

    /** The token as a person reads it: its contract, and its symbol when known. */
    public String tokenShown() {
        Trc20Token known = Trc20Token.at(token);
        return known == null ? token : token + " (" + known.symbol() + ", TRC-20)";
    }

    private static String address(TypedData data, String member) {
        return TronAddress.ofEvmBytes(data.messageAddress(member));
    }
}
