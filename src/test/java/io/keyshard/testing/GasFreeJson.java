package io.keyshard.testing;

/** GasFree transfer permits (TIP-712 {@code PermitTransfer}) as GasFree's SDK writes them, for tests. */
public final class GasFreeJson {
    /** Tron mainnet's USDT contract. */
    public static final String USDT = "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t";
    /** The receiver of every permit made here. */
    public static final String RECEIVER = "TUznHJfHe6gdYY7gvWmf6bNZHuPHDZtowf";
    /** The service provider of every permit made here. */
    public static final String PROVIDER = "TQ6qStrS2ZJ96gieZJC8AurTxwqJETmjfp";

    private GasFreeJson() {}

    /** A GasFree transfer of 12.5 USDT, with a 1.1 USDT fee at most, as GasFree's SDK writes one. */
    public static String permit(String chainId, String user, long deadline) {
        return """
                {"domain": {"name": "GasFreeController", "version": "V1.0.0", "chainId": %s,
                            "verifyingContract": "TNtzqaE9p23tzpN1SHavUCCuzSwrzbHEHE"},
                 "primaryType": "PermitTransfer",
                 "types": {
                   "EIP712Domain": [{"name": "name", "type": "string"}, {"name": "version", "type": "string"},
                                    {"name": "chainId", "type": "uint256"}, {"name": "verifyingContract", "type": "address"}],
                   "PermitTransfer": [{"name": "token", "type": "address"}, {"name": "serviceProvider", "type": "address"},
                     {"name": "user", "type": "address"}, {"name": "receiver", "type": "address"},
                     {"name": "value", "type": "uint256"}, {"name": "maxFee", "type": "uint256"},
                     {"name": "deadline", "type": "uint256"}, {"name": "version", "type": "uint256"},
                     {"name": "nonce", "type": "uint256"}]},
                 "message": {"token": "%s", "serviceProvider": "%s", "user": "%s", "receiver": "%s",
                             "value": 12500000, "maxFee": 1100000, "deadline": %d, "version": 1, "nonce": 3}}
                """.formatted(chainId, USDT, PROVIDER, user, RECEIVER, deadline);
    }
}
