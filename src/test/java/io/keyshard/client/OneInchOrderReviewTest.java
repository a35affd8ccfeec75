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
 * A 1inch limit order through the payload service with a real vault: it reads as what it sells and asks in return,
 * with the one warning every order deserves, and the warnings for what makes an order dangerous.
 */
class OneInchOrderReviewTest {
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

    private SignReview review(String... replacements) throws IOException {
        String json;
        try (InputStream in = getClass().getResourceAsStream("/io/keyshard/payload/evm/oneinch-limit-order.json")) {
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
        SignReview r = review();
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
        SignReview r = review(
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
}
