package io.keyshard.payload.evm;

import static io.keyshard.payload.evm.AbiWords.address;
import static io.keyshard.payload.evm.AbiWords.array;
import static io.keyshard.payload.evm.AbiWords.call;
import static io.keyshard.payload.evm.AbiWords.word;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.bytes.Hex;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Lido's staking, wrapping and withdrawal-queue calls are read only on Ethereum, at Lido's addresses, with each
 * function's selector (keccak-256 of its signature) and arguments laid out exactly as the ABI encodes them.
 */
class LidoCallTest {
    static final String STETH = "0xae7ab96520DE3A18E5e111B5EaAb095312D7fE84";
    static final String WSTETH = "0x7f39C581F595B53c5cb19bD0b3f8dA6c935E2Ca0";
    static final String QUEUE = "0x889edC2eDab5f40e902b864aD4d7AdE8E412F9B1";
    private static final String OWNER = "0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045";
    private static final BigInteger ONE_AND_A_HALF = new BigInteger("1500000000000000000");
    private static final String ZERO = "0x0000000000000000000000000000000000000000";
    private static final String SENDER = "0x1111111111111111111111111111111111111111";

    @Test
    void everyFunctionIsReadFromItsSelectorAndArguments() {
        LidoCall stake = decode(STETH, call("submit(address)", address(OWNER))).orElseThrow();
        assertEquals(LidoCall.Kind.STAKE, stake.kind());
        assertEquals(OWNER, stake.party());
        assertEquals(List.of(), stake.amounts());
        assertTrue(decode(STETH, call("submit(address)", address(ZERO)))
                .orElseThrow()
                .noReferral());

        assertEquals(
                LidoCall.Kind.STAKE_BY_SENDING, decode(STETH, "").orElseThrow().kind());
        assertEquals(
                LidoCall.Kind.STAKE_AND_WRAP, decode(WSTETH, "").orElseThrow().kind());

        LidoCall wrap =
                decode(WSTETH, call("wrap(uint256)", word(ONE_AND_A_HALF))).orElseThrow();
        assertEquals(new LidoCall(LidoCall.Kind.WRAP, List.of(ONE_AND_A_HALF), null), wrap);
        LidoCall unwrap =
                decode(WSTETH, call("unwrap(uint256)", word(ONE_AND_A_HALF))).orElseThrow();
        assertEquals(new LidoCall(LidoCall.Kind.UNWRAP, List.of(ONE_AND_A_HALF), null), unwrap);

        List<BigInteger> amounts = List.of(ONE_AND_A_HALF, BigInteger.TEN.pow(18));
        for (String f :
                List.of("requestWithdrawals(uint256[],address)", "requestWithdrawalsWstETH(uint256[],address)")) {
            LidoCall request = decode(QUEUE, call(f, word(64), address(OWNER), array(amounts)))
                    .orElseThrow();
            assertEquals(f, request.kind().signature());
            assertEquals(amounts, request.amounts());
            assertEquals(OWNER, request.owner("0x0000000000000000000000000000000000000001"));
            LidoCall toSender = decode(QUEUE, call(f, word(64), address(ZERO), array(amounts)))
                    .orElseThrow();
            assertEquals(SENDER, toSender.owner(SENDER), "the zero address means the sender, as the queue reads it");
        }

        LidoCall claim = decode(QUEUE, call("claimWithdrawal(uint256)", word(BigInteger.valueOf(77))))
                .orElseThrow();
        assertEquals(new LidoCall(LidoCall.Kind.CLAIM, List.of(BigInteger.valueOf(77)), null), claim);
        List<BigInteger> ids = List.of(BigInteger.valueOf(5), BigInteger.valueOf(9));
        List<BigInteger> hints = List.of(BigInteger.ONE, BigInteger.TWO);
        LidoCall all = decode(
                        QUEUE,
                        call("claimWithdrawals(uint256[],uint256[])", word(64), word(160), array(ids), array(hints)))
                .orElseThrow();
        assertEquals(new LidoCall(LidoCall.Kind.CLAIM_ALL, ids, null), all);
        LidoCall to = decode(
                        QUEUE,
                        call(
                                "claimWithdrawalsTo(uint256[],uint256[],address)",
                                word(96),
                                word(192),
                                address(OWNER),
                                array(ids),
                                array(hints)))
                .orElseThrow();
        assertEquals(new LidoCall(LidoCall.Kind.CLAIM_TO, ids, OWNER), to);
    }

    @Test
    void anotherChainAnotherContractOrAnyOtherLayoutIsNotRead() {
        String wrap = call("wrap(uint256)", word(ONE_AND_A_HALF));
        assertEquals(Optional.empty(), LidoCall.decode(BigInteger.TEN, WSTETH, Hex.decode(wrap, "data")), "chain 10");
        assertEquals(Optional.empty(), decode(STETH, wrap), "wrap is wstETH's, not stETH's");
        assertEquals(Optional.empty(), decode(OWNER, wrap), "not a Lido address");
        assertEquals(Optional.empty(), decode(WSTETH, wrap + "00"), "a byte after the argument");
        assertEquals(Optional.empty(), decode(WSTETH, wrap.substring(0, wrap.length() - 2)), "a byte short");
        assertEquals(
                Optional.empty(),
                decode(STETH, call("submit(address)", "ff" + address(OWNER).substring(2))),
                "an address word with bits above its 20 bytes");
        assertEquals(Optional.empty(), decode(QUEUE, ""), "coins sent to the queue do not stake");
        String request =
                call("requestWithdrawals(uint256[],address)", word(64), address(OWNER), array(List.of(BigInteger.ONE)));
        assertEquals(Optional.empty(), decode(QUEUE, request + word(0)), "a word after the array");
        assertEquals(
                Optional.empty(),
                decode(
                        QUEUE,
                        call(
                                "requestWithdrawals(uint256[],address)",
                                word(96),
                                address(OWNER),
                                word(0),
                                array(List.of(BigInteger.ONE)))),
                "an array that does not start where the heads end");
    }

    /**
     * The one ABI encoding of {@code c} (hex): what the review shows, written back. The checkpoint hints of a batch
     * claim are not shown (they only help the queue find its checkpoints), so they are taken from {@code data}: the
     * array after the ids, to its end.
     */
    static String encoded(LidoCall c, String data) {
        String signature = c.kind().signature();
        List<BigInteger> amounts = c.amounts();
        return switch (c.kind()) {
            case STAKE_BY_SENDING, STAKE_AND_WRAP -> "";
            case STAKE -> call(signature, address(c.party()));
            case WRAP, UNWRAP, CLAIM -> call(signature, word(amounts.get(0)));
            case REQUEST, REQUEST_WSTETH -> call(signature, word(64), address(c.party()), array(amounts));
            case CLAIM_ALL, CLAIM_TO -> {
                int heads = c.kind() == LidoCall.Kind.CLAIM_TO ? 3 : 2;
                long hintsAt = 32L * heads + 32L * (amounts.size() + 1);
                String head = call(signature, word(32L * heads), word(hintsAt))
                        + (heads == 3 ? address(c.party()) : "")
                        + array(amounts);
                String hints = data.substring(Math.min(head.length(), data.length()));
                yield head
                        + (hints.length() >= 64
                                        && hints.length()
                                                == 64 * (1 + new BigInteger(hints.substring(0, 64), 16).longValue())
                                ? hints
                                : "(not one uint256[] after the ids: " + hints + ")");
            }
        };
    }

    /** Decodes, and checks that what is read encodes back to the same bytes. */
    private static Optional<LidoCall> decode(String to, String hex) {
        Optional<LidoCall> read = LidoCall.decode(BigInteger.ONE, to, Hex.decode(hex, "data"));
        read.ifPresent(c -> assertEquals(hex, encoded(c, hex), c.toString()));
        return read;
    }
}
