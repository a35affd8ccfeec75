package io.keyshard.client;

import static io.keyshard.payload.evm.AbiWords.address;
import static io.keyshard.payload.evm.AbiWords.array;
import static io.keyshard.payload.evm.AbiWords.call;
import static io.keyshard.payload.evm.AbiWords.word;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A Lido transaction reads as what it stakes, wraps, requests or claims, and for whom: the person sees who is credited
 * and is warned when a withdrawal request or a claim's ETH goes to someone else.
 */
class LidoRowsTest {
    private static final String SELF = "0x9858EfFD232B4033E47d90003D41EC34EcaEda94";
    private static final String OTHER = "0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045";
    private static final String STETH = "0xae7ab96520DE3A18E5e111B5EaAb095312D7fE84";
    private static final String WSTETH = "0x7f39C581F595B53c5cb19bD0b3f8dA6c935E2Ca0";
    private static final String QUEUE = "0x889edC2eDab5f40e902b864aD4d7AdE8E412F9B1";
    private static final String ZERO = "0x0000000000000000000000000000000000000000";

    @Test
    void stakingShowsTheEthStakedAndWhoIsCredited() {
        ReviewedTransaction stake =
                ReviewedTransaction.of(SELF, STETH, "1500000000000000000", call("submit(address)", address(ZERO)));
        assertTrue(stake.shows("To", STETH + " (Lido's stETH)"), stake.text());
        assertTrue(stake.shows("Data", "36 bytes, selector 0xa1903eab: submit(address)"), stake.text());
        assertTrue(
                stake.shows("Stakes", "1.5 ETH with Lido for stETH, credited to the sender " + SELF + " (this key)"),
                stake.text());
        assertEquals(List.of(), stake.warnings(), "a stake is read, not warned about as a call not decoded");

        ReviewedTransaction referred =
                ReviewedTransaction.of(SELF, STETH, "1", call("submit(address)", address(OTHER)));
        assertTrue(referred.shows("Referral", OTHER), referred.text());

        ReviewedTransaction sent = ReviewedTransaction.of(SELF, WSTETH, "2000000000000000000", "");
        assertTrue(
                sent.shows(
                        "Stakes",
                        "2 ETH with Lido for stETH, wrapped into wstETH at Lido's rate when the transaction runs, "
                                + "credited to the sender " + SELF + " (this key)"),
                sent.text());
        assertTrue(ReviewedTransaction.of(SELF, STETH, "0", call("submit(address)", address(ZERO)))
                .warnings()
                .contains("the transaction stakes nothing: its value is 0; it only pays its fee"));
    }

    @Test
    void wrappingAndUnwrappingAreInWholeTokensAndCreditTheSender() {
        ReviewedTransaction wrap = ReviewedTransaction.of(
                SELF, WSTETH, "0", call("wrap(uint256)", word(new BigInteger("2500000000000000000"))));
        assertTrue(
                wrap.shows(
                        "Wraps",
                        "2.5 stETH into wstETH at Lido's rate when the transaction runs, credited to the sender " + SELF
                                + " (this key)"),
                wrap.text());
        assertEquals(List.of(), wrap.warnings());
        ReviewedTransaction paying =
                ReviewedTransaction.of(SELF, WSTETH, "1", call("unwrap(uint256)", word(BigInteger.ONE)));
        assertTrue(
                paying.warnings()
                        .contains("the transaction also sends 0.000000000000000001 ETH to Lido's "
                                + "unwrap(uint256), which accepts no coins: it fails, and its fee is still paid"),
                paying.text());
    }

    @Test
    void aWithdrawalRequestForSomeoneElseIsWarned() {
        List<BigInteger> amounts = List.of(new BigInteger("1000000000000000000"), new BigInteger("500000000000000000"));
        String mine = call(
                "requestWithdrawals(uint256[],address)", word(BigInteger.valueOf(64)), address(ZERO), array(amounts));
        ReviewedTransaction own = ReviewedTransaction.of(SELF, QUEUE, "0", mine);
        assertTrue(
                own.shows(
                        "Withdrawal requests",
                        "2 requests of 1 stETH, 0.5 stETH (1.5 stETH in all), taken from the sender " + SELF
                                + " (this key)"),
                own.text());
        assertTrue(
                own.shows("Requests owned by", SELF + " (this key) (the call names the zero address: the sender)"),
                own.text());
        assertEquals(List.of(), own.warnings());

        String theirs = call(
                "requestWithdrawalsWstETH(uint256[],address)",
                word(BigInteger.valueOf(64)),
                address(OTHER),
                array(List.of(BigInteger.TEN.pow(18))));
        ReviewedTransaction elsewhere = ReviewedTransaction.of(SELF, QUEUE, "0", theirs);
        assertTrue(elsewhere.shows("Requests owned by", OTHER), elsewhere.text());
        assertTrue(
                elsewhere
                        .warnings()
                        .contains("the withdrawal requests go to " + OTHER + ", not to this key: whoever "
                                + "holds a request claims its ETH"),
                elsewhere.text());
    }

    @Test
    void aClaimSaysWhoseAddressItsEthGoesTo() {
        ReviewedTransaction own = ReviewedTransaction.of(
                SELF, QUEUE, "0", call("claimWithdrawal(uint256)", word(BigInteger.valueOf(77))));
        assertTrue(
                own.shows("Claims", "the withdrawal request #77, its ETH paid to the sender " + SELF + " (this key)"),
                own.text());
        assertEquals(List.of(), own.warnings());
        List<BigInteger> ids = List.of(BigInteger.valueOf(5), BigInteger.valueOf(9));
        ReviewedTransaction to = ReviewedTransaction.of(
                SELF,
                QUEUE,
                "0",
                call(
                        "claimWithdrawalsTo(uint256[],uint256[],address)",
                        word(BigInteger.valueOf(96)),
                        word(BigInteger.valueOf(192)),
                        address(OTHER),
                        array(ids),
                        array(ids)));
        assertTrue(to.shows("Claims", "the withdrawal requests #5, #9, their ETH paid to " + OTHER), to.text());
        assertTrue(
                to.warnings()
                        .contains("the claimed ETH goes to " + OTHER + ", not to this key: sign only if you mean "
                                + "to pay it there"),
                to.text());
    }

    @Test
    void aRequestOrClaimOfNothingSaysSo() {
        ReviewedTransaction none = ReviewedTransaction.of(
                SELF, QUEUE, "0", call("requestWithdrawals(uint256[],address)", word(64), address(ZERO), word(0)));
        assertTrue(
                none.shows("Withdrawal requests", "no request, taken from the sender " + SELF + " (this key)"),
                none.text());
        assertTrue(none.warnings().contains("the transaction requests no withdrawal: it only pays its fee"));
        ReviewedTransaction nothing = ReviewedTransaction.of(
                SELF, QUEUE, "0", call("claimWithdrawals(uint256[],uint256[])", word(64), word(96), word(0), word(0)));
        assertTrue(nothing.shows("Claims", "no withdrawal request"), nothing.text());
        assertTrue(nothing.warnings().contains("the transaction claims no request: it only pays its fee"));
    }
}
