package io.keyshard.client;

import static io.keyshard.payload.evm.AbiWords.address;
import static io.keyshard.payload.evm.AbiWords.call;
import static io.keyshard.payload.evm.AbiWords.word;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An Aave v3 transaction reads as the token and amount supplied, withdrawn, borrowed or repaid and for whom, with a
 * warning when someone other than this key is credited, paid or has its debt repaid.
 */
class AaveRowsTest {
    private static final String SELF = "0x9858EfFD232B4033E47d90003D41EC34EcaEda94";
    private static final String OTHER = "0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045";
    private static final String POOL = "0x87870Bca3F3fD6335C3F4ce8392D69350B4fA4E2";
    private static final String USDC = "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48";
    private static final String UNLISTED = "0x1111111111111111111111111111111111111111";
    private static final BigInteger ALL = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);

    @Test
    void aSupplyShowsTheTokenTheAmountAndWhoIsCredited() {
        ReviewedTransaction own = ReviewedTransaction.of(SELF, POOL, "0", supply(SELF));
        assertTrue(own.shows("To", POOL + " (Aave v3 Pool)"), own.text());
        assertTrue(
                own.shows("Data", "132 bytes, selector 0x617ba037: supply(address,uint256,address,uint16)"),
                own.text());
        assertTrue(
                own.shows("Supplies", "250 of USDC (" + USDC + ") to Aave, credited to " + SELF + " (this key)"),
                own.text());
        assertEquals(List.of(), own.warnings(), "a supply is read, not warned about as a call not decoded");

        ReviewedTransaction elsewhere = ReviewedTransaction.of(SELF, POOL, "0", supply(OTHER));
        assertTrue(
                elsewhere
                        .warnings()
                        .contains("the supply is credited to " + OTHER + ", not to this key: that address "
                                + "gets the aTokens, and with them the right to withdraw it"),
                elsewhere.text());
        ReviewedTransaction paying = ReviewedTransaction.of(SELF, POOL, "1", supply(SELF));
        assertTrue(
                paying.warnings()
                        .contains("the transaction also sends 0.000000000000000001 ETH to Aave's "
                                + "supply(address,uint256,address,uint16), which accepts no coins: it fails, and its fee is "
                                + "still paid"),
                paying.text());
    }

    @Test
    void aWithdrawalOfEverythingToSomeoneElseIsWarned() {
        ReviewedTransaction all = ReviewedTransaction.of(
                SELF, POOL, "0", call("withdraw(address,uint256,address)", address(USDC), word(ALL), address(OTHER)));
        assertTrue(
                all.shows("Withdraws", "all of this key's supplied USDC (" + USDC + ") from Aave, paid to " + OTHER),
                all.text());
        assertTrue(
                all.warnings()
                        .contains("the withdrawn tokens go to " + OTHER + ", not to this key: sign only if you "
                                + "mean to pay them there"),
                all.text());
    }

    @Test
    void borrowingAndRepayingSayWhoseDebtItIs() {
        ReviewedTransaction borrow = ReviewedTransaction.of(
                SELF,
                POOL,
                "0",
                call(
                        "borrow(address,uint256,uint256,uint16,address)",
                        address(UNLISTED),
                        word(BigInteger.valueOf(5_000)),
                        word(BigInteger.TWO),
                        word(BigInteger.ZERO),
                        address(SELF)));
        assertTrue(
                borrow.shows(
                        "Borrows",
                        "5000 (smallest units) of token " + UNLISTED + " from Aave at the variable rate, paid to "
                                + "the sender " + SELF + " (this key)"),
                borrow.text());
        assertTrue(borrow.shows("Debt of", SELF + " (this key)"), borrow.text());

        ReviewedTransaction repay = ReviewedTransaction.of(
                SELF,
                POOL,
                "0",
                call(
                        "repay(address,uint256,uint256,address)",
                        address(USDC),
                        word(BigInteger.valueOf(1_500_000)),
                        word(BigInteger.TWO),
                        address(OTHER)));
        assertTrue(
                repay.shows(
                        "Repays",
                        "1.5 of the variable-rate debt in USDC (" + USDC + ") of " + OTHER
                                + ", paid with this key's tokens"),
                repay.text());
        assertTrue(
                repay.warnings()
                        .contains("the repayment pays the debt of " + OTHER
                                + ", not of this key, with this key's tokens"),
                repay.text());
    }

    private static String supply(String onBehalfOf) {
        return call(
                "supply(address,uint256,address,uint16)",
                address(USDC),
                word(BigInteger.valueOf(250_000_000)),
                address(onBehalfOf),
                word(BigInteger.ZERO));
    }
}
