package io.keyshard.payload.tron;

/**
 * The contract types of java-tron's {@code Transaction.Contract.ContractType} (core/Tron.proto), by number; the
 * ones {@link TronContract} reads are those a wallet sends, and the only ones signed here.
 */
enum ContractType {
    ACCOUNT_CREATE(0, "AccountCreateContract", false),
    TRANSFER(1, "TransferContract", true),
    TRANSFER_ASSET(2, "TransferAssetContract", true),
    VOTE_ASSET(3, "VoteAssetContract", false),
    VOTE_WITNESS(4, "VoteWitnessContract", true),
    WITNESS_CREATE(5, "WitnessCreateContract", false),
    ASSET_ISSUE(6, "AssetIssueContract", false),
    WITNESS_UPDATE(8, "WitnessUpdateContract", false),
    PARTICIPATE_ASSET_ISSUE(9, "ParticipateAssetIssueContract", false),
    ACCOUNT_UPDATE(10, "AccountUpdateContract", false),
    FREEZE_BALANCE(11, "FreezeBalanceContract", false),
    UNFREEZE_BALANCE(12, "UnfreezeBalanceContract", false),
    WITHDRAW_BALANCE(13, "WithdrawBalanceContract", true),
    UNFREEZE_ASSET(14, "UnfreezeAssetContract", false),
    UPDATE_ASSET(15, "UpdateAssetContract", false),
    PROPOSAL_CREATE(16, "ProposalCreateContract", false),
    PROPOSAL_APPROVE(17, "ProposalApproveContract", false),
    PROPOSAL_DELETE(18, "ProposalDeleteContract", false),
    SET_ACCOUNT_ID(19, "SetAccountIdContract", false),
    CUSTOM(20, "CustomContract", false),
    CREATE_SMART(30, "CreateSmartContract", false),
    TRIGGER_SMART(31, "TriggerSmartContract", true),
    GET(32, "GetContract", false),
    UPDATE_SETTING(33, "UpdateSettingContract", false),
    EXCHANGE_CREATE(41, "ExchangeCreateContract", false),
    EXCHANGE_INJECT(42, "ExchangeInjectContract", false),
    EXCHANGE_WITHDRAW(43, "ExchangeWithdrawContract", false),
    EXCHANGE_TRANSACTION(44, "ExchangeTransactionContract", false),
    UPDATE_ENERGY_LIMIT(45, "UpdateEnergyLimitContract", false),
    ACCOUNT_PERMISSION_UPDATE(46, "AccountPermissionUpdateContract", true),
    CLEAR_ABI(48, "ClearABIContract", false),
    UPDATE_BROKERAGE(49, "UpdateBrokerageContract", false),
    SHIELDED_TRANSFER(51, "ShieldedTransferContract", false),
    MARKET_SELL_ASSET(52, "MarketSellAssetContract", false),
    MARKET_CANCEL_ORDER(53, "MarketCancelOrderContract", false),
    FREEZE_BALANCE_V2(54, "FreezeBalanceV2Contract", true),
    UNFREEZE_BALANCE_V2(55, "UnfreezeBalanceV2Contract", true),
    WITHDRAW_EXPIRE_UNFREEZE(56, "WithdrawExpireUnfreezeContract", true),
    DELEGATE_RESOURCE(57, "DelegateResourceContract", true),
    UNDELEGATE_RESOURCE(58, "UnDelegateResourceContract", true),
    CANCEL_ALL_UNFREEZE_V2(59, "CancelAllUnfreezeV2Contract", true);

    private final int number;
    private final String protoName;
    private final boolean decoded;

    ContractType(int number, String protoName, boolean decoded) {
        this.number = number;
        this.protoName = protoName;
        this.decoded = decoded;
    }

    /** The type numbered {@code number}, or null for a number the protocol does not define. */
    static ContractType of(int number) {
        for (ContractType t : values()) {
            if (t.number == number) {
                return t;
            }
        }
        return null;
    }

    int number() {
        return number;
    }

    /** The message name, e.g. {@code TransferContract}. */
    String protoName() {
        return protoName;
    }

    /** The {@code type_url} of the parameter's {@code Any}, which a node checks against the type. */
    String typeUrl() {
        return "type.googleapis.com/protocol." + protoName;
    }

    /** Whether {@link TronContract} reads it (every other type is refused). */
    boolean decoded() {
        return decoded;
    }
}
