package io.keyshard.payload.evm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.address.AccountAddresses;
import io.keyshard.payload.evm.TypedMessageLines.Line;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class TypedMessageLinesTest {
    private static TypedData resource(String name) throws IOException {
        try (InputStream in = TypedMessageLinesTest.class.getResourceAsStream(name)) {
            return TypedData.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** A one-struct payload {@code Order} with the given members and message JSON. */
    private static TypedData order(String members, String message) {
        return TypedData.parse("{\"types\":{\"EIP712Domain\":[],\"Order\":[" + members + "]},"
                + "\"primaryType\":\"Order\",\"domain\":{},\"message\":" + message + "}");
    }

    private static String member(String name, String type) {
        return "{\"name\":\"" + name + "\",\"type\":\"" + type + "\"}";
    }

    @Test
    void theMailExampleListsEveryValueByItsPathInTheOrderItIsHashed() throws IOException {
        TypedMessageLines m = TypedMessageLines.of(resource("mail.json"), 100);
        assertEquals(
                List.of(
                        new Line("message.from.name", "\"Cow\""),
                        new Line("message.from.wallet", "0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826"),
                        new Line("message.to.name", "\"Bob\""),
                        new Line("message.to.wallet", "0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB"),
                        new Line("message.contents", "\"Hello, Bob!\"")),
                m.lines());
        assertEquals(5, m.total());
        assertFalse(m.cut());
    }

    @Test
    void aRecursiveMessageFollowsTheTypesNotTheJsonOrderAndNamesTheStructThatIsAbsent() throws IOException {
        List<Line> lines = TypedMessageLines.of(resource("eth-sig-util-recursive.json"), 100)
                .lines();
        // the JSON gives replyTo.to before replyTo.from; Mail declares from first, and hashes it first
        assertEquals(new Line("message.replyTo.from.name", "\"Bob\""), lines.get(5));
        assertEquals(new Line("message.replyTo.to.name", "\"Cow\""), lines.get(7));
        assertEquals(new Line("message.replyTo.replyTo", "(none: no Mail)"), lines.get(lines.size() - 1));
    }

    @Test
    void arraysOfStructsAndAddressesAreIndexedAndLowerCaseAddressesShownChecksummed() throws IOException {
        List<Line> lines = TypedMessageLines.of(resource("eth-sig-util-struct-arrays.json"), 100)
                .lines();
        // given in lower case; shown in its EIP-55 form, as the first wallet is given
        String checksummed = AccountAddresses.eip55("dd2a3d9f938e13cd947ec05abc7fe734df8dd826");
        assertTrue(lines.contains(new Line("message.from.wallet[1]", checksummed)), lines.toString());
        assertFalse(checksummed.equals(checksummed.toLowerCase(Locale.ROOT)));
        assertTrue(lines.contains(new Line("message.to[0].name", "\"Bob\"")), lines.toString());
        assertTrue(
                lines.contains(new Line("message.to[0].wallet[0]", "0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB")),
                lines.toString());
    }

    @Test
    void everyAtomicTypeIsWrittenAsAWalletWritesIt() {
        TypedData d = order(
                String.join(
                        ",",
                        member("amount", "uint256"),
                        member("max", "uint160"),
                        member("delta", "int64"),
                        member("open", "bool"),
                        member("salt", "bytes4"),
                        member("none", "uint256[]")),
                "{\"amount\":\"0x0de0b6b3a7640000\",\"max\":\"" + "0x" + "f".repeat(40) + "\",\"delta\":-5,"
                        + "\"open\":true,\"salt\":\"0xDEADBEEF\",\"none\":[]}");
        assertEquals(
                List.of(
                        new Line("message.amount", "1000000000000000000"),
                        new Line(
                                "message.max",
                                "1461501637330902918203684832716283019655932542975 (the largest uint160)"),
                        new Line("message.delta", "-5"),
                        new Line("message.open", "true"),
                        new Line("message.salt", "0xdeadbeef"),
                        new Line("message.none", "[] (an empty list of uint256)")),
                TypedMessageLines.of(d, 100).lines());
    }

    @Test
    void longBytesAndStringsShowTheirStartAndTheirWholeLength() {
        String calldata = "0x" + "ab".repeat(300);
        String text = "é".repeat(250);
        TypedData d = order(
                member("data", "bytes") + "," + member("note", "string"),
                "{\"data\":\"" + calldata + "\",\"note\":\"" + text + "\"}");
        List<Line> lines = TypedMessageLines.of(d, 100).lines();
        assertEquals("0x" + "ab".repeat(64) + "... (300 bytes)", lines.get(0).value());
        assertEquals(
                "\"" + "é".repeat(200) + "\"... (250 characters)", lines.get(1).value());
    }

    @Test
    void aMessageOfMoreValuesThanAskedListsTheFirstAndCountsThemAll() {
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < 150; i++) {
            values.append(i == 0 ? "" : ",").append(i);
        }
        TypedData d = order(member("ids", "uint256[]"), "{\"ids\":[" + values + "]}");
        TypedMessageLines m = TypedMessageLines.of(d, 100);
        assertEquals(100, m.lines().size());
        assertEquals(150, m.total());
        assertTrue(m.cut());
        assertEquals(new Line("message.ids[99]", "99"), m.lines().get(99));
    }

    @Test
    void aPathTooLongToReadKeepsItsEndWhereTheMembersOwnNameIs() {
        String name = "a".repeat(80) + "Recipient";
        TypedData d = order(member(name, "address"), "{\"" + name + "\":\"0x" + "0".repeat(40) + "\"}");
        Line line = TypedMessageLines.of(d, 100).lines().get(0);
        assertEquals(TypedMessageLines.PATH_SHOWN, line.path().length());
        assertTrue(line.path().startsWith("...") && line.path().endsWith("aaRecipient"), line.path());
    }

    @Test
    void aDomainOnlyPayloadHasNoMessageValuesAndAValueOfTheWrongTypeIsRefusedAsWhenHashed() throws IOException {
        TypedData domainOnly = TypedData.parse("{\"types\":{\"EIP712Domain\":[" + member("name", "string") + "]},"
                + "\"primaryType\":\"EIP712Domain\",\"domain\":{\"name\":\"x\"},\"message\":{}}");
        assertEquals(0, TypedMessageLines.of(domainOnly, 100).total());
        TypedData wrong = order(member("open", "bool"), "{\"open\":\"yes\"}");
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> TypedMessageLines.of(wrong, 100));
        assertTrue(e.getMessage().contains("message.open"), e.getMessage());
    }
}
