package io.keyshard.payload.bitcoin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.keyshard.address.TestVectors;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;

/** Every PSBT test vector of BIP-174, BIP-370 and BIP-371: valid ones round-trip byte for byte, invalid ones are refused. */
class PsbtVectorsTest {
    private static Map<String, Integer> run(String file) {
        Map<String, Integer> counts = new TreeMap<>();
        for (JsonNode v : TestVectors.list(TestVectors.load("bitcoin/" + file).get("vectors"))) {
            String section = v.get("section").asText();
            String name = v.get("case").asText();
            byte[] raw = Hex.decode(v.get("hex").asText());
            if (section.equals("invalid")) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Psbt.parse(raw), name);
                if (name.contains("witness serialization format")) {
                    assertTrue(e.getMessage().contains("segwit serialization"), e.getMessage());
                }
            } else {
                Psbt psbt = Psbt.parse(raw);
                assertEquals(v.get("hex").asText(), Hex.toHexString(psbt.serialize()), name);
                assertEquals(
                        Base64.getEncoder().encodeToString(raw),
                        Psbt.fromBase64(psbt.toBase64()).toBase64(),
                        name);
                if (section.equals("signer-fails")) {
                    IllegalArgumentException e = assertThrows(
                            IllegalArgumentException.class,
                            () -> {
                                for (int i = 0; i < psbt.inputs().size(); i++) {
                                    SignerChecks.check(psbt, i);
                                }
                            },
                            name);
                    // the case names the field whose check fails: "A Witness UTXO ...", "redeemScript ...",
                    // "witnessScript ..."
                    String field = name.split(" ")[name.startsWith("A ") ? 1 : 0];
                    assertTrue(
                            e.getMessage().toLowerCase(Locale.ROOT).contains(field.toLowerCase(Locale.ROOT)),
                            name + " -> " + e.getMessage());
                }
                if (section.equals("valid")) {
                    for (int i = 0; i < psbt.inputs().size(); i++) {
                        if (psbt.input(i).witnessUtxo() != null || psbt.input(i).nonWitnessUtxo() != null) {
                            SignerChecks.check(psbt, i);
                        }
                    }
                }
                if (section.startsWith("locktime:")) {
                    String expected = section.substring("locktime:".length());
                    if (expected.equals("none")) {
                        assertThrows(IllegalArgumentException.class, psbt::lockTime, name);
                    } else {
                        assertEquals(Long.parseLong(expected), psbt.lockTime(), name);
                        assertEquals(
                                Long.parseLong(expected),
                                psbt.unsignedTransaction().lockTime(),
                                name);
                    }
                }
            }
            counts.merge(section, 1, Integer::sum);
        }
        return counts;
    }

    @Test
    void bip174() {
        assertEquals(Map.of("invalid", 20, "valid", 10, "signer-fails", 4), run("psbt_bip174.json"));
    }

    @Test
    void bip370() {
        assertEquals(
                Map.of(
                        "invalid",
                        24,
                        "valid",
                        14,
                        "locktime:0",
                        2,
                        "locktime:10000",
                        4,
                        "locktime:1657048460",
                        2,
                        "locktime:none",
                        1),
                run("psbt_bip370.json"));
    }

    @Test
    void bip371() {
        assertEquals(Map.of("invalid", 11, "valid", 6), run("psbt_bip371.json"));
    }

    @Test
    void bip174WorkflowPsbtsRoundTripAndTheFinalizedOneExtractsToTheGivenTransaction() {
        List<JsonNode> steps =
                TestVectors.list(TestVectors.load("bitcoin/psbt_bip174.json").get("workflow"));
        String finalized = null;
        String extracted = null;
        int psbts = 0;
        for (JsonNode step : steps) {
            String hex = step.get("hex").asText();
            String what = step.get("step").asText();
            if (what.contains("transaction extractor")) {
                extracted = hex;
                assertEquals(hex, Hex.toHexString(Transaction.parseHex(hex).serialize()));
                continue;
            }
            assertEquals(hex, Hex.toHexString(Psbt.parse(Hex.decode(hex)).serialize()), what);
            if (what.contains("input finalizer")) {
                finalized = hex;
            }
            psbts++;
        }
        assertEquals(10, psbts);
        assertEquals(
                extracted,
                Hex.toHexString(
                        PsbtFinalizer.extract(Psbt.parse(Hex.decode(finalized))).serialize()));
    }
}
