package io.keyshard.client;

import io.keyshard.derive.Network;
import io.keyshard.payload.Decimals;
import io.keyshard.payload.evm.AaveCall;
import io.keyshard.payload.evm.EvmChain;
import io.keyshard.payload.evm.KnownToken;
import io.keyshard.payload.evm.LidoCall;
import io.keyshard.payload.evm.OneInchCall;
import io.keyshard.payload.evm.Permit2Approval;
import io.keyshard.payload.evm.SafeTransaction;
import io.keyshard.payload.evm.TokenCall;
import io.keyshard.payload.evm.TransactionReview;
import io.keyshard.payload.evm.UniversalRouterCall;
import io.keyshard.payload.evm.WrappedCoin;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The review of an EVM transaction (EIP-1559 or legacy): the chain by name, amounts in its native coin, and a token
 * call's recipient, spender and amount in words, since for a token transfer the transaction's own
 * recipient is the token contract and its value 0.
 */
final class TransactionRows {
    private static final String ZERO_ADDRESS = "0x0000000000000000000000000000000000000000";
    /** The gas every transaction uses before its data and code (the yellow paper's G_transaction). */
    private static final BigInteger LEAST_GAS = BigInteger.valueOf(21_000);

    private static final String UNITS = " (the token's smallest units)";
    private static final String UNITS_OR_ID = " (the token's smallest units, or an NFT's id)";
    /** Data for a recipient up to this size is shown in full; longer data by its first bytes. */
    private static final int SHOWN_DATA_BYTES = 64;

    private TransactionRows() {}

    /**
     * Adds the transaction's rows to {@code rows} and what to beware of to {@code warnings}; {@code address} is
     * the signing key's (EIP-55), marked where a token call names it; {@code network} is the one the person
     * chose: testnet with a known main chain is warned about.
     */
    static void add(
            TransactionReview t,
            String address,
            Network network,
            Instant now,
            List<SignReview.Row> rows,
            List<String> warnings) {
        ReadAs read = ReadAs.of(t);
        rows.add(row("Chain id", EvmChain.describe(t.chainId())));
        rows.add(row("Nonce", t.nonce().toString()));
        rows.add(row("To", t.to() + read.recipientIs()));
        rows.add(row("Value", EvmChain.amount(t.chainId(), t.value())));
        if (t.gasPriceGwei() != null) {
            rows.add(row(
                    "Gas price",
                    t.gasPriceGwei() + " gwei, paid in full for each unit of gas used ("
                            + (t.legacy()
                                    ? "a legacy transaction, replay-protected by its chain id: EIP-155)"
                                    : "an EIP-2930 transaction, with its chain id and an access list)")));
        } else {
            rows.add(row("Max fee per gas", t.maxFeePerGasGwei() + " gwei"));
            rows.add(row("Max priority fee", t.maxPriorityFeePerGasGwei() + " gwei"));
        }
        rows.add(row("Gas limit", t.gas().toString()));
        rows.add(row(
                "Max cost",
                EvmChain.amount(t.chainId(), t.maxCost())
                        + EvmChain.of(t.chainId())
                                .filter(EvmChain::l1DataFee)
                                .map(c -> ", plus the L1 data fee " + c.name() + " charges on top of gas (the "
                                        + "transaction does not cap it)")
                                .orElse("")));
        callRows(t, address, now, rows, warnings);
        if (t.accessListEntries() > 0) {
            rows.add(row("Access list", t.accessListEntries() + (t.accessListEntries() == 1 ? " entry" : " entries")));
        }
        // mainnet is the default, so only the choice of testnet says what the person expects
        EvmChain.of(t.chainId())
                .filter(c -> network == Network.TESTNET && !c.testNetwork())
                .ifPresent(c -> warnings.add("you chose testnet, but this transaction is for " + c.name()
                        + ", a main network whose coins have value"));
        if (TransactionReview.CONTRACT_CREATION.equals(t.to())) {
            warnings.add("this transaction creates a contract (no recipient)");
        }
        if (t.gas().compareTo(LEAST_GAS) < 0) {
            warnings.add("the gas limit " + t.gas() + " is below 21000, the least any transaction uses: the network "
                    + "refuses it; have the wallet estimate the gas and make the transaction again");
        }
        if (ZERO_ADDRESS.equals(t.to()) && t.valueWei().signum() != 0) {
            warnings.add("the coins go to the zero address: coins sent there are lost for good");
        }
        callWarnings(t, warnings);
    }

    /**
     * The rows of what the call data does, read by the decoders that know it: a token call, a Permit2 allowance,
     * the wrapping of the coin, the Uniswap router's steps, Lido, Aave or 1inch; the data's size and selector
     * otherwise. Also what a Safe transaction calls.
     */
    static void callRows(
            TransactionReview t, String address, Instant now, List<SignReview.Row> rows, List<String> warnings) {
        TokenCall call = t.tokenCall();
        Permit2Approval allowance = t.permit2Approval();
        WrappedCoin wrap = t.wrappedCoin();
        UniversalRouterCall router = t.routerCall();
        String readAs = ReadAs.of(t).signature();
        rows.add(row(
                "Data",
                t.dataSize() + " bytes"
                        + (t.selector() == null ? "" : ", selector " + t.selector())
                        + (readAs != null
                                ? ": " + readAs
                                : t.selector() == null ? "" : " (a contract call not decoded here)")));
        if (call != null) {
            tokenRows(call, KnownToken.of(t.chainId(), t.to()), address, rows);
        }
        if (allowance != null) {
            EvmMessageRows.permit2Approval(allowance, t.chainId(), address, rows, warnings);
        }
        if (wrap != null) {
            wrapRows(t, wrap, address, rows, warnings);
        }
        if (router != null) {
            RouterRows.add(router, t, address, now, rows, warnings);
        }
        if (t.lidoCall() != null) {
            LidoRows.add(t, t.lidoCall(), address, rows, warnings);
        }
        if (t.aaveCall() != null) {
            AaveRows.add(t, t.aaveCall(), address, rows, warnings);
        }
        if (t.oneInchCall() != null) {
            OneInchRows.add(t, t.oneInchCall(), address, rows, warnings);
        }
        if (t.safeExecution() != null) {
            SafeRows.add(t.safeExecution(), t.chainId(), address, now, rows, warnings);
        }
        if (t.safeApprovedHash() != null) {
            SafeRows.approval(t.safeApprovedHash(), rows, warnings);
        }
    }

    /** What the call data makes its recipient, e.g. " (the token contract)"; empty when it says nothing. */
    static String recipientIs(TransactionReview t) {
        return ReadAs.of(t).recipientIs();
    }

    /** What to beware of in the call data: an approval or a call not read here, and a token call's risks. */
    static void callWarnings(TransactionReview t, List<String> warnings) {
        TokenCall call = t.tokenCall();
        String readAs = ReadAs.of(t).signature();
        if (readAs == null && (TokenCall.isApproval(t.selector()) || Permit2Approval.isSelector(t.selector()))) {
            warnings.add("the call " + t.selector() + " approves a spender for your tokens");
        } else if (readAs == null && t.selector() != null && !TransactionReview.CONTRACT_CREATION.equals(t.to())) {
            // a router called by this key can spend what the key approved to it (or to Permit2) before
            warnings.add("a contract call not decoded here (selector " + t.selector() + "): what it does with the "
                    + "tokens of the account that makes it, and with approvals that account gave before, is not shown; "
                    + "sign only for a contract and an app you trust");
        }
        if (call != null) {
            tokenWarnings(call, t.to(), warnings);
        }
    }

    /**
     * What the call data was read as, the one place that decides it: the function (null when it was not read), what
     * that makes the recipient, and what the signing history adds after chain and recipient.
     */
    private record ReadAs(String signature, String recipientIs, String history) {
        static ReadAs of(TransactionReview t) {
            TokenCall call = t.tokenCall();
            if (call != null) {
                // the recipient of a token call is the token contract, so the history names the party
                String name = call.function().signature();
                return new ReadAs(
                        name,
                        " (the token contract)",
                        ", " + name.substring(0, name.indexOf('(')) + " for " + call.party());
            }
            if (t.permit2Approval() != null) {
                return new ReadAs(
                        Permit2Approval.SIGNATURE,
                        " (Permit2, the allowance contract)",
                        ", Permit2 approve for " + t.permit2Approval().spender());
            }
            WrappedCoin w = t.wrappedCoin();
            if (w != null) {
                return new ReadAs(
                        w.signature(),
                        " (" + w.token().symbol() + ", the wrapped " + coin(t) + " contract)",
                        w.wraps()
                                ? ", wraps " + EvmChain.amount(t.chainId(), t.value())
                                : ", unwraps " + w.token().amount(w.unwrapped()));
            }
            UniversalRouterCall router = t.routerCall();
            if (router != null) {
                return new ReadAs(
                        router.deadline() == null
                                ? UniversalRouterCall.EXECUTE_NO_DEADLINE
                                : UniversalRouterCall.EXECUTE,
                        " (Uniswap Universal Router)",
                        ", Uniswap Universal Router, " + router.steps().size() + " steps");
            }
            LidoCall lido = t.lidoCall();
            if (lido != null) {
                boolean noData = t.selector() == null;
                return new ReadAs(
                        noData ? null : lido.kind().signature(),
                        " (Lido's " + lido.kind().contractName() + ")",
                        ", Lido " + (noData ? "stake" : lido.kind().signature()));
            }
            AaveCall aave = t.aaveCall();
            if (aave != null) {
                String f = aave.kind().signature();
                return new ReadAs(f, " (Aave v3 Pool)", ", Aave " + f.substring(0, f.indexOf('(')));
            }
            OneInchCall oneInch = t.oneInchCall();
            if (oneInch != null) {
                String f = oneInch.kind().signature();
                return new ReadAs(f, " (1inch Aggregation Router v6)", ", 1inch " + f.substring(0, f.indexOf('(')));
            }
            if (t.safeExecution() != null) {
                return new ReadAs(
                        SafeTransaction.EXEC_TRANSACTION,
                        " (a Safe, if the contract is one)",
                        ", Safe execTransaction");
            }
            if (t.safeApprovedHash() != null) {
                return new ReadAs(
                        TransactionReview.APPROVE_HASH, " (a Safe, if the contract is one)", ", Safe approveHash");
            }
            return new ReadAs(null, "", "");
        }
    }

    /** The signing history's line: chain and recipient, and what the call data was read as. */
    static String description(TransactionReview t) {
        return (t.legacy() ? "Legacy transaction" : t.typeName() + " transaction") + " on chain "
                + t.chainId() + " to " + t.to()
                + ReadAs.of(t).history();
    }

    private static void tokenRows(
            TokenCall call, Optional<KnownToken> token, String address, List<SignReview.Row> rows) {
        String from = call.from() == null ? null : EvmMessageRows.marked(call.from(), address);
        String party = EvmMessageRows.marked(call.party(), address);
        switch (call.function()) {
            case TRANSFER -> {
                rows.add(row("Token recipient", party));
                rows.add(row("Token amount", amount(call, token, UNITS)));
            }
            case TRANSFER_FROM -> {
                rows.add(row("Token owner", from));
                rows.add(row("Token recipient", party));
                rows.add(row("Token amount", amount(call, token, UNITS_OR_ID)));
            }
            case SAFE_TRANSFER_FROM, SAFE_TRANSFER_FROM_WITH_DATA -> {
                rows.add(row("NFT owner", from));
                rows.add(row("NFT recipient", party));
                rows.add(row("NFT id", call.items().get(0).id().toString()));
            }
            case MULTI_TOKEN_TRANSFER, MULTI_TOKEN_BATCH_TRANSFER -> {
                rows.add(row("Token owner", from));
                rows.add(row("Token recipient", party));
                multiTokenRows(call.items(), rows);
            }
            case APPROVE -> {
                rows.add(row("Spender", party));
                rows.add(row("Allowance", amount(call, token, UNITS_OR_ID)));
            }
            case INCREASE_ALLOWANCE -> {
                rows.add(row("Spender", party));
                rows.add(row("Allowance added", amount(call, token, UNITS)));
            }
            case SET_APPROVAL_FOR_ALL -> {
                rows.add(row("Operator", party));
                rows.add(row(
                        "Approved",
                        call.approved() ? "yes: every token of the collection" : "no: the approval is revoked"));
            }
        }
        if (call.data() != null) {
            rows.add(dataForRecipient(call.data()));
        }
    }

    /**
     * What wrapping or unwrapping the chain's coin does: WETH9 credits the wrapped tokens to the sender, and pays the
     * unwrapped coin to the sender, which is always this key's address. Both are one to one.
     */
    private static void wrapRows(
            TransactionReview t, WrappedCoin wrap, String address, List<SignReview.Row> rows, List<String> warnings) {
        String symbol = wrap.token().symbol();
        if (wrap.wraps()) {
            rows.add(row(
                    "Wraps",
                    EvmChain.amount(t.chainId(), t.value()) + " into " + t.value() + " " + symbol
                            + ", credited to the sender " + EvmMessageRows.marked(address, address)));
            if (t.valueWei().signum() == 0) {
                warnings.add("the transaction wraps nothing: its value is 0; it only pays its fee");
            }
            return;
        }
        String amount = Decimals.scaled(wrap.unwrapped(), wrap.token().decimals());
        rows.add(row(
                "Unwraps",
                amount + " " + symbol + " into " + EvmChain.amount(t.chainId(), amount) + ", paid to the sender "
                        + EvmMessageRows.marked(address, address)));
        if (wrap.unwrapped().signum() == 0) {
            warnings.add("the transaction unwraps nothing: its amount is 0; it only pays its fee");
        }
        noCoinsAccepted(t, symbol + "'s withdraw", warnings);
    }

    /**
     * The warning for coins sent with a call to {@code function}, which accepts none: the transaction reverts, and its
     * fee is still paid. Nothing when the value is 0.
     */
    static void noCoinsAccepted(TransactionReview t, String function, List<String> warnings) {
        if (t.valueWei().signum() != 0) {
            warnings.add("the transaction also sends " + EvmChain.amount(t.chainId(), t.value()) + " to " + function
                    + ", which accepts no coins: it fails, and its fee is still paid");
        }
    }

    /** The chain's native coin by its symbol; a wrapped-coin contract is only known on chains Keyshard knows. */
    private static String coin(TransactionReview t) {
        return EvmChain.of(t.chainId()).map(EvmChain::coin).orElse("native coin");
    }

    /** An ERC-1155 transfer's token ids and amounts, one row a token so that a batch hides none of them. */
    private static void multiTokenRows(List<TokenCall.Item> items, List<SignReview.Row> rows) {
        if (items.isEmpty()) {
            rows.add(row("Tokens", "none: the batch moves no token"));
        }
        for (int k = 0; k < items.size(); k++) {
            TokenCall.Item item = items.get(k);
            String label = items.size() == 1 ? "Token" : "Token " + (k + 1) + " of " + items.size();
            rows.add(row(label, "id " + item.id() + ", amount " + item.count()));
        }
    }

    /**
     * What a safe transfer hands to the recipient's receive hook: it moves nothing of this key's by itself,
     * but a recipient contract acts on it, so it is shown, in full when it is short.
     */
    private static SignReview.Row dataForRecipient(String hex) {
        int bytes = hex.length() / 2;
        if (bytes == 0) {
            return row("Data for the recipient", "none");
        }
        String shown = bytes <= SHOWN_DATA_BYTES
                ? "0x" + hex
                : "0x" + hex.substring(0, 2 * SHOWN_DATA_BYTES) + "... and " + (bytes - SHOWN_DATA_BYTES)
                        + " more bytes";
        return row("Data for the recipient", bytes + " bytes, passed to the recipient's contract: " + shown);
    }

    /** Whole tokens for a token whose decimals are known, else the raw amount with what unit it is in. */
    private static String amount(TokenCall call, Optional<KnownToken> token, String units) {
        if (call.amount().equals(TokenCall.UNLIMITED)) {
            return "unlimited";
        }
        return token.map(k -> k.amount(call.amount())).orElse(call.amount() + units);
    }

    private static void tokenWarnings(TokenCall call, String contract, List<String> warnings) {
        if (call.grantsSpending()) {
            String what = call.function() == TokenCall.Function.SET_APPROVAL_FOR_ALL
                    ? "every token of the collection " + contract
                    : TokenCall.UNLIMITED.equals(call.amount())
                            ? "an unlimited amount of the token " + contract
                            : "the token " + contract + " up to the allowance";
            warnings.add(call.party() + " may move " + what + " from this address without asking again; "
                    + "approve only a contract you trust");
        }
        if (call.function().moves()
                && (call.party().equalsIgnoreCase(contract) || call.party().equals(ZERO_ADDRESS))) {
            warnings.add("the tokens go to "
                    + (call.party().equals(ZERO_ADDRESS) ? "the zero address" : "the token contract itself")
                    + ": tokens sent there are usually lost for good");
        }
    }

    private static SignReview.Row row(String label, String value) {
        return new SignReview.Row(label, value);
    }
}
