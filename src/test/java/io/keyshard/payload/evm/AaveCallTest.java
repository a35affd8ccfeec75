package io.keyshard.payload.evm;

import static io.keyshard.payload.evm.AbiWords.address;
import static io.keyshard.payload.evm.AbiWords.call;
import static io.keyshard.payload.evm.AbiWords.word;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.keyshard.bytes.Hex;
import java.math.BigInteger;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Aave v3's Pool calls are read only at the Pool of Aave's address book on each chain, with each function's selector
 * (keccak-256 of its signature) and exactly its ABI words, a referral code that fits a uint16, a rate mode the Pool
 * knows and a bool 0 or 1.
 */
class AaveCallTest {
    private static final String USDC = "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48";
    private static final String SELF = "0x9858EfFD232B4033E47d90003D41EC34EcaEda94";
    private static final BigInteger HUNDRED_USDC = BigInteger.valueOf(100_000_000);
    private static final Map<Long, String> POOLS = Map.of(
            1L, "0x87870Bca3F3fD6335C3F4ce8392D69350B4fA4E2",
            10L, "0x794a61358D6845594F94dc1DB02A252b5b4814aD",
            8453L, "0xA238Dd80C259a72e81d7e4664a9801593F98d1c5",
            56L, "0x6807dc923806fE8Fd134338EABCA509979a7e0cB");

    @Test
    void everyFunctionIsReadFromItsSelectorAndWordsOnEveryPool() {
        for (Map.Entry<Long, String> pool : POOLS.entrySet()) {
            long chain = pool.getKey();
            String to = pool.getValue();
            assertEquals(
                    new AaveCall(AaveCall.Kind.SUPPLY, USDC, HUNDRED_USDC, SELF, 0, false),
                    decode(chain, to, supply("supply(address,uint256,address,uint16)", 0))
                            .orElseThrow());
            assertEquals(
                    AaveCall.Kind.DEPOSIT,
                    decode(chain, to, supply("deposit(address,uint256,address,uint16)", 0))
                            .orElseThrow()
                            .kind());
            assertEquals(
                    new AaveCall(AaveCall.Kind.WITHDRAW, USDC, AaveCall.ALL, SELF, 0, false),
                    decode(
                                    chain,
                                    to,
                                    call(
                                            "withdraw(address,uint256,address)",
                                            address(USDC),
                                            word(AaveCall.ALL),
                                            address(SELF)))
                            .orElseThrow());
            assertEquals(
                    new AaveCall(AaveCall.Kind.BORROW, USDC, HUNDRED_USDC, SELF, 2, false),
                    decode(chain, to, borrow(2, 0)).orElseThrow());
            assertEquals(
                    new AaveCall(AaveCall.Kind.REPAY, USDC, HUNDRED_USDC, SELF, 2, false),
                    decode(
                                    chain,
                                    to,
                                    call(
                                            "repay(address,uint256,uint256,address)",
                                            address(USDC),
                                            word(HUNDRED_USDC),
                                            word(2),
                                            address(SELF)))
                            .orElseThrow());
            assertEquals(
                    new AaveCall(AaveCall.Kind.REPAY_WITH_ATOKENS, USDC, HUNDRED_USDC, null, 2, false),
                    decode(
                                    chain,
                                    to,
                                    call(
                                            "repayWithATokens(address,uint256,uint256)",
                                            address(USDC),
                                            word(HUNDRED_USDC),
                                            word(2)))
                            .orElseThrow());
            assertEquals(
                    new AaveCall(AaveCall.Kind.COLLATERAL, USDC, null, null, 0, true),
                    decode(chain, to, call("setUserUseReserveAsCollateral(address,bool)", address(USDC), word(1)))
                            .orElseThrow());
        }
    }

    @Test
    void anotherChainAnotherContractOrAnyOtherLayoutIsNotRead() {
        String supply = supply("supply(address,uint256,address,uint16)", 0);
        assertEquals(Optional.empty(), decode(8453, POOLS.get(1L), supply), "Ethereum's Pool address on Base");
        assertEquals(Optional.empty(), decode(1, USDC, supply), "not the Pool");
        assertEquals(Optional.empty(), decode(1, POOLS.get(1L), supply + "00"), "a byte after the words");
        assertEquals(Optional.empty(), decode(1, POOLS.get(1L), supply + word(0)), "a word after the words");
        assertEquals(
                Optional.empty(),
                decode(1, POOLS.get(1L), supply("supply(address,uint256,address,uint16)", 0x10000)),
                "a referral code past a uint16: the Pool reverts on it");
        assertEquals(Optional.empty(), decode(1, POOLS.get(1L), borrow(3, 0)), "a rate mode the Pool does not know");
        assertEquals(Optional.empty(), decode(1, POOLS.get(1L), borrow(0, 0)), "no rate mode");
        assertEquals(
                Optional.empty(),
                decode(1, POOLS.get(1L), call("setUserUseReserveAsCollateral(address,bool)", address(USDC), word(2))),
                "a bool of 2");
        assertEquals(
                Optional.empty(),
                decode(
                        1,
                        POOLS.get(1L),
                        call(
                                "withdraw(address,uint256,address)",
                                "ff" + address(USDC).substring(2),
                                word(1),
                                address(SELF))),
                "an address word with bits above its 20 bytes");
    }

    private static String supply(String signature, long referral) {
        return call(signature, address(USDC), word(HUNDRED_USDC), address(SELF), word(referral));
    }

    private static String borrow(long rateMode, long referral) {
        return call(
                "borrow(address,uint256,uint256,uint16,address)",
                address(USDC),
                word(HUNDRED_USDC),
                word(rateMode),
                word(referral),
                address(SELF));
    }

    private static Optional<AaveCall> decode(long chain, String to, String hex) {
        return AaveCall.decode(BigInteger.valueOf(chain), to, Hex.decode(hex, "data"));
    }
}
