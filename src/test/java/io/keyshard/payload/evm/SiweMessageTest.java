package io.keyshard.payload.evm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Sign-In with Ethereum messages are read as ERC-4361 lays them out, and other text is left a message. */
class SiweMessageTest {
    /** ERC-4361, "Examples": the message with an implicit scheme. */
    static final String EXAMPLE = """
            example.com wants you to sign in with your Ethereum account:
            0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2

            I accept the ExampleOrg Terms of Service: https://example.com/tos

            URI: https://example.com/login
            Version: 1
            Chain ID: 1
            Nonce: 32891756
            Issued At: 2021-09-30T16:25:24Z
            Resources:
            - ipfs://bafybeiemxf5abjwjbikoz4mc3a3dla6ual3jsgpdr4cjr3oz3evfyavhwq/
            - https://example.com/my-web2-claim.json""";

    @Test
    void theSpecificationsExampleIsReadFieldByField() {
        SiweMessage m = SiweMessage.parse(EXAMPLE).orElseThrow();
        assertNull(m.scheme());
        assertEquals("example.com", m.domain());
        assertEquals("0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2", m.address());
        assertEquals("I accept the ExampleOrg Terms of Service: https://example.com/tos", m.statement());
        assertEquals("https://example.com/login", m.uri());
        assertEquals(BigInteger.ONE, m.chainId());
        assertEquals("32891756", m.nonce());
        assertEquals("2021-09-30T16:25:24Z", m.issuedAt());
        assertEquals(
                List.of(
                        "ipfs://bafybeiemxf5abjwjbikoz4mc3a3dla6ual3jsgpdr4cjr3oz3evfyavhwq/",
                        "https://example.com/my-web2-claim.json"),
                m.resources());
        assertTrue(m.uriOnDomain());
    }

    @Test
    void theExamplesWithAPortAndWithASchemeNameTheirOrigin() {
        SiweMessage port = SiweMessage.parse(EXAMPLE.replaceFirst("example.com", "example.com:3388"))
                .orElseThrow();
        assertEquals("example.com:3388", port.domain());
        assertTrue(port.uriOnDomain(), "the port is not part of the host");
        SiweMessage scheme = SiweMessage.parse(EXAMPLE.replaceFirst("example.com", "https://example.com"))
                .orElseThrow();
        assertEquals("https", scheme.scheme());
        assertEquals("example.com", scheme.domain());
    }

    @Test
    void optionalFieldsAndAMissingStatementAreRead() {
        String text = EXAMPLE.replace("I accept the ExampleOrg Terms of Service: https://example.com/tos\n\n", "")
                .replace(
                        "Issued At: 2021-09-30T16:25:24Z",
                        "Issued At: 2021-09-30T16:25:24Z\nExpiration Time: 2021-10-01T16:25:24Z\nRequest ID: 42");
        SiweMessage m = SiweMessage.parse(text).orElseThrow();
        assertNull(m.statement());
        assertEquals(List.of("Expiration Time: 2021-10-01T16:25:24Z", "Request ID: 42"), m.optional());
    }

    @Test
    void aUriOnAnotherSiteIsNoticed() {
        SiweMessage m = SiweMessage.parse(
                        EXAMPLE.replace("URI: https://example.com/login", "URI: https://evil.example.net/"))
                .orElseThrow();
        assertFalse(m.uriOnDomain());
        SiweMessage lookalike = SiweMessage.parse(
                        EXAMPLE.replace("URI: https://example.com/login", "URI: https://notexample.com/login"))
                .orElseThrow();
        assertFalse(lookalike.uriOnDomain(), "a host that only ends with the domain's letters is another site");
    }

    @Test
    void textThatIsNotASignInStaysAMessage() {
        assertEquals(Optional.empty(), SiweMessage.parse("gm"));
        assertEquals(Optional.empty(), SiweMessage.parse(EXAMPLE.replace("Version: 1", "Version: 2")));
        assertEquals(Optional.empty(), SiweMessage.parse(EXAMPLE.replace("Chain ID: 1\n", "")));
        assertEquals(Optional.empty(), SiweMessage.parse(EXAMPLE.replace("0xC02aaA39", "0xC02a")));
        assertEquals(Optional.empty(), SiweMessage.parse(EXAMPLE + "\nsomething after the resources"));
        assertTrue(SiweMessage.parse(EXAMPLE + "\n").isPresent(), "a trailing line break, as a paste leaves it");
    }
}
