package io.keyshard.payload.solana;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An Anchor IDL the tests keep as a resource: its instructions and types by name, and messages laid out by its
 * account names, so that an instruction read from a wrong account position fails a test.
 */
final class AnchorIdl {
    private final JsonNode idl;

    AnchorIdl(String resource) {
        this.idl = JupiterSwaps.resource(resource);
    }

    JsonNode instruction(String name) {
        return named(idl.get("instructions"), name);
    }

    JsonNode type(String name) {
        return named(idl.get("types"), name).get("type");
    }

    /** Every one of {@code forms} has the discriminator the IDL gives it, which the code derives from its name. */
    void assertDiscriminators(List<String> forms) {
        for (String form : forms) {
            JsonNode d = instruction(form).get("discriminator");
            byte[] expected = new byte[d.size()];
            for (int i = 0; i < expected.length; i++) {
                expected[i] = (byte) d.get(i).asInt();
            }
            assertArrayEquals(expected, AnchorData.discriminator(form), form);
        }
    }

    /**
     * The accounts of {@code form} in the IDL's order, the one named {@code signerName} being {@code signer} and every
     * other a distinct address named after the form and the account; each name's address is put in {@code keys}.
     */
    List<String> accounts(String form, String signerName, String signer, Map<String, String> keys) {
        List<String> accounts = new ArrayList<>();
        for (JsonNode a : instruction(form).get("accounts")) {
            String name = a.get("name").asText();
            keys.put(name, name.equals(signerName) ? signer : OneInstruction.addressNamed(form + name));
            accounts.add(keys.get(name));
        }
        return accounts;
    }

    /** Puts {@code address} in the place of the account {@code name}. */
    static void replace(List<String> accounts, Map<String, String> keys, String name, String address) {
        accounts.set(accounts.indexOf(keys.get(name)), address);
        keys.put(name, address);
    }

    private static JsonNode named(JsonNode list, String name) {
        for (JsonNode n : list) {
            if (n.get("name").asText().equals(name)) {
                return n;
            }
        }
        throw new AssertionError("the IDL has no " + name);
    }
}
