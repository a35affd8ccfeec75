package io.keyshard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PathCommandTest {

    private static JsonNode json(CliHarness.Result r) throws Exception {
        assertEquals(0, r.exitCode(), r.err());
        return new ObjectMapper().readTree(r.out());
    }

    @Test
    void jsonHasExactlyChainNetworkAndPath() throws Exception {
        JsonNode o = json(CliHarness.run(
                "path",
                "--chain",
                "bitcoin-p2wpkh",
                "--account",
                "2",
                "--index",
                "7",
                "--network",
                "testnet",
                "--json"));
        assertEquals(
                List.of("chain", "network", "derivationPath"),
                StreamSupport.stream(((Iterable<String>) o::fieldNames).spliterator(), false)
                        .toList());
        assertEquals("bitcoin-p2wpkh", o.get("chain").asText());
        assertEquals("testnet", o.get("network").asText());
        assertEquals("m/84/1/2/0/7", o.get("derivationPath").asText());
    }

    @Test
    void defaultsAreAccountZeroIndexZeroMainnet() throws Exception {
        assertEquals(
                "m/44/501/0/0",
                json(CliHarness.run("path", "--chain", "solana", "--json"))
                        .get("derivationPath")
                        .asText());
        CliHarness.Result plain = CliHarness.run("path", "--chain", "evm", "--index", "5");
        assertEquals(0, plain.exitCode());
        assertEquals("m/44/60/0/0/5", plain.out().strip());
    }

    @Test
    void needsNoVaultOrPassword(@TempDir Path emptyHome) {
        CliHarness.Result r = CliHarness.run("--home", emptyHome.toString(), "path", "--chain", "tron");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("m/44/195/0/0/0", r.out().strip());
    }

    @Test
    void badInputExitsTwoNamingThePart() {
        CliHarness.Result chain = CliHarness.run("path", "--chain", "dogecoin");
        assertEquals(2, chain.exitCode());
        assertTrue(chain.err().contains("unknown chain 'dogecoin'"), chain.err());
        assertTrue(chain.out().isEmpty());

        CliHarness.Result network = CliHarness.run("path", "--chain", "evm", "--network", "regtest");
        assertEquals(2, network.exitCode());
        assertTrue(network.err().contains("unknown network 'regtest'"), network.err());

        CliHarness.Result index = CliHarness.run("path", "--chain", "evm", "--index", "-3");
        assertEquals(2, index.exitCode());
        assertTrue(index.err().contains("index -3"), index.err());

        CliHarness.Result huge = CliHarness.run("path", "--chain", "evm", "--index", "2147483648");
        assertEquals(2, huge.exitCode());
        assertTrue(huge.err().contains("--index"), huge.err());
        assertTrue(huge.err().contains("must be 0 to 2147483647 (non-hardened)"), huge.err());
        CliHarness.Result hugeAccount = CliHarness.run("path", "--chain", "evm", "--account", "2147483648");
        assertEquals(2, hugeAccount.exitCode());
        assertTrue(hugeAccount.err().contains("--account"), hugeAccount.err());
        assertTrue(hugeAccount.err().contains("must be 0 to 2147483647 (non-hardened)"), hugeAccount.err());

        CliHarness.Result missing = CliHarness.run("path");
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("--chain"), missing.err());

        CliHarness.Result did = CliHarness.run("path", "--chain", "did-key", "--account", "1");
        assertEquals(2, did.exitCode());
        assertTrue(did.err().contains("no account level"), did.err());
        assertTrue(did.err().contains("leave --account out"), "the command line words it with its flags: " + did.err());
    }
}
