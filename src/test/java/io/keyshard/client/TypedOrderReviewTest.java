package io.keyshard.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.address.Chain;
import io.keyshard.address.KeyPipeline;
import io.keyshard.derive.DerivationPath;
import io.keyshard.derive.Network;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Orders signed as typed data, through the payload service with a real vault: a 1inch limit order and a UniswapX
 * order read as what they sell and what comes back, with the one warning every order deserves and the warnings for
 * what makes an order dangerous.
 */
class TypedOrderReviewTest {
    private static final String TRAITS =
            "28948022309329048855892746252171976963317498340979482581186153703138954051584";

    @TempDir
    Path home;

    LocalEcdsa.Fixture fx;
    String self;

    @BeforeEach
    void open() {
        fx = LocalEcdsa.Fixture.open(home, BigInteger.valueOf(0x11c4L));
        self = KeyPipeline.run(
                        Workspace.rootOf(fx.key()), Chain.EVM, DerivationPath.parse("m/44/60/0/0/0"), Network.MAINNET)
                .address()
                .value();
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private SignReview oneInch(String... replacements) throws IOException {
        return review("oneinch-limit-order.json", replacements);
    }

    private SignReview review(String resource, String... replacements) throws IOException {
        String json;
        try (InputStream in = getClass().getResourceAsStream("/io/keyshard/payload/evm/" + resource)) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("OWNER", self);
        }
        for (int i = 0; i < replacements.length; i += 2) {
            json = json.replace(replacements[i], replacements[i + 1]);
        }
        return fx.ws()
                .payloads()
                .prepare(new PayloadRequest(
                        fx.key().keyId(),
                        PayloadKind.ETH_TYPED,
                        json.getBytes(StandardCharsets.UTF_8),
                        null,
                        null,
                        null,
                        false))
                .review();
    }

    @Test
    void anOrderReadsAsWhatItSellsForWhatUntilWhenAndWhoMayFillIt() throws IOException {
        SignReview r = oneInch();
        List<SignReview.Row> rows = r.rows();
        assertTrue(
                rows.contains(new SignReview.Row(
                        "1inch limit order", "sell 1 WETH for 1420 USDC, or a part of it at the same rate")),
                r.text());
        assertTrue(rows.contains(new SignReview.Row("Receiver", "the maker, " + self + " (this key)")), r.text());
        assertTrue(rows.contains(new SignReview.Row("Valid until", "2027-01-01 00:00:00 UTC")), r.text());
        assertTrue(rows.contains(new SignReview.Row("Who may fill", "anyone")), r.text());
        assertTrue(rows.contains(new SignReview.Row("Fills", "in parts, several times")), r.text());
        assertEquals(1, r.warnings().size(), r.text());
        assertTrue(
                r.warnings()
                        .get(0)
                        .startsWith("this signature is a 1inch limit order: anyone can fill it, taking "
                                + "up to 1 WETH from " + self + " for 1420 USDC"),
                r.text());
    }

    @Test
    void nothingInReturnNoEndAnotherReceiverAndAnExtensionAreEachWarned() throws IOException {
        BigInteger extension = BigInteger.ONE.shiftLeft(249);
        SignReview r = oneInch(
                "\"takingAmount\": \"1420000000\"",
                "\"takingAmount\": \"0\"",
                TRAITS,
                extension.toString(),
                "\"receiver\": \"0x0000000000000000000000000000000000000000\"",
                "\"receiver\": \"0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045\"");
        List<String> w = r.warnings();
        assertTrue(w.stream().anyMatch(x -> x.startsWith("this order asks nothing in return for 1 WETH")), r.text());
        assertTrue(w.stream().anyMatch(x -> x.startsWith("the order never expires")), r.text());
        assertTrue(
                w.stream()
                        .anyMatch(x -> x.startsWith(
                                "this order sends what it buys to 0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045")),
                r.text());
        assertTrue(w.stream().anyMatch(x -> x.startsWith("the order carries an extension")), r.text());
        assertTrue(r.rows().contains(new SignReview.Row("Fills", "in one fill, of a part or the whole")), r.text());
    }

    @Test
    void aUniswapXOrderReadsAsWhatTheSwapperReceivesAndWhatElseItPays() throws IOException {
        SignReview r = review("uniswapx-v2-dutch-order.json");
        List<SignReview.Row> rows = r.rows();
        assertTrue(rows.contains(new SignReview.Row("Swapper receives", "at least 0.29 WETH")), r.text());
        assertTrue(
                rows.contains(new SignReview.Row(
                        "Also paid", "at least 0.000435 WETH to 0x000000fee13a103A10D593b9AE06b3e05F2E7E1c")),
                r.text());
        assertTrue(rows.contains(new SignReview.Row("Swapper", self + " (this key)")), r.text());
        assertTrue(rows.contains(new SignReview.Row("Order deadline", "2027-01-01 00:00:00 UTC")), r.text());
        assertTrue(rows.contains(new SignReview.Row("Amount", "1000 USDC")), r.text());
        assertTrue(r.warnings().stream().anyMatch(w -> w.startsWith("besides what the swapper receives")), r.text());
    }

    @Test
    void aUniswapXPermitForAnotherSpenderOrAnOrderPayingOthersIsWarned() throws IOException {
        String reactor = "\"spender\": \"0x00000011F84B9aa48e5f8aA8B9897600006289Be\"";
        SignReview spender = review(
                "uniswapx-v2-dutch-order.json", reactor, "\"spender\": \"0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045\"");
        assertTrue(
                spender.warnings().stream()
                        .anyMatch(w -> w.startsWith("the permit lets 0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045 take")),
                spender.text());
        SignReview elsewhere = review(
                "uniswapx-v2-dutch-order.json",
                "\"recipient\": \"" + self + "\"",
                "\"recipient\": \"0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045\"");
        assertTrue(
                elsewhere.warnings().stream()
                        .anyMatch(w -> w.startsWith("nothing this UniswapX order buys goes to its swapper")),
                elsewhere.text());
    }
}
