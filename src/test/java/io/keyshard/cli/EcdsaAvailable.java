package io.keyshard.cli;

import static org.junit.jupiter.api.Assumptions.assumeFalse;

/** Skips a test of ECDSA payloads while threshold ECDSA signing is not in the build (its refusal names that). */
final class EcdsaAvailable {
    private EcdsaAvailable() {}

    /** Signs a probe message with {@code keyId} (a SECP256k1 key) and skips the calling test if ECDSA is refused. */
    static void assume(SignCli cli, String keyId) {
        CliHarness.Result probe = cli.run("sign", "eth-message", "--key-id", keyId, "--text", "probe", "--json");
        assumeFalse(
                probe.exitCode() == 2 && probe.err().contains("ECDSA signing is not available"),
                "threshold ECDSA signing is not available in this build");
    }
}
