package io.keyshard.payload.evm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.address.Hashes;
import io.keyshard.bytes.Hex;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * EIP-712 against published vectors: the specification's {@code Mail} example (EIPs
 * assets/eip-712/Example.js, current and earlier revision, with their signatures) and MetaMask
 * eth-sig-util's v4 snapshots (sign-typed-data.test.ts: eip712Hash and hashStruct cases).
 */
class Eip712Test {
    private static TypedData load(String name) {
        return TypedData.parse(Resources.text(name));
    }

    @Test
    void theMailExampleOfTheSpecification() {
        TypedData mail = load("mail.json");
        assertEquals(
                "Mail(Person from,Person to,string contents)Person(string name,address wallet)",
                Eip712.encodeType(mail, "Mail"));
        assertEquals(
                "a0cedeb2dc280ba39b857546d74f5549c3a1d7bdc2dd96bf881f76108e23dac2",
                Hex.encode(Eip712.typeHash(mail, "Mail")));
        assertEquals(
                "c52c0ee5d84264471806290a3f2c4cecfc5490626bf912d01f240d7a274b371e",
                Hex.encode(Eip712.hashStruct(mail, "Mail", mail.message(), "message")));
        assertEquals(
                "f2cee375fa42b42143804025fc449deafd50cc031ca257e0b194a650a912090f",
                Hex.encode(Eip712.domainSeparator(mail)));
        assertEquals(
                "be609aee343fb3c4b28e1df9e632fca64fcfaede20f02e86244efddf30957bd2", Hex.encode(Eip712.digest(mail)));
    }

    @Test
    void theSpecificationsSignatureRecoversToCow() {
        byte[] digest = Eip712.digest(load("mail.json"));
        EvmSignature sig = new EvmSignature(
                new BigInteger("4355c47d63924e8a72e509b65029052eb6c299d53a04e167c5775fd466751c9d", 16),
                new BigInteger("07299936d304c153f6443dfa05f40ff007d72911b6f72307f996231605b91562", 16),
                1);
        assertEquals("0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826", EcRecover.recoverAddress(digest, sig));
        // The key of the example is keccak256("cow"); signing again gives the published signature (RFC 6979).
        LocalKey cow = new LocalKey("c85ef7d79691fe79573b1a7064c19c1a9819ebdbd1faaab1a8ec92344438aaf4");
        assertEquals(sig, cow.sign(digest));
    }

    @Test
    void theEarlierRevisionWithHttpOrigin() {
        TypedData mail = load("mail-http-origin.json");
        assertEquals(
                "0b72c8f1f2c3bf8bcca4c3cc24cd47275f9261a5b0bcf7b9bd803419b303a1a9",
                Hex.encode(Eip712.domainSeparator(mail)));
        byte[] digest = Eip712.digest(mail);
        assertEquals("a5f5fa6b05af38f2e9d2889ac36f5a4ba31e20646781d23739de458d86d6593e", Hex.encode(digest));
        EvmSignature sig = EvmSignature.decode(Hex.decode(
                "24040eda35064d96c51f3308b5fae290edae563327348886a366ed604e0c0480"
                        + "42bbabf2fae4b00598596a99d577dde56ff9d013e861f611cfe7b0728e1cd057" + "1b",
                "sig"));
        assertEquals("0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826", EcRecover.recoverAddress(digest, sig));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "minimal, 8d4a3f4082945b7879e2b55f181c31a77c8c0a464b70669458abbaaf99de4c38",
        "all-domain-fields, 54ffed5209a17ac210ef3823740b3852ee9cd518b84ee39f0a3fa7f2f9b4205b",
        "extra-domain-fields, 2323c742c20093ee44c2a0abef2b950062a3d70b3453ef4995a072dba9e47d7d",
        "custom-domain-fields, 3efa3ef0305f56ba5bba62000500e29fe82c5314bca2f958c64e31b2498560f8",
        "with-data, d2669f23b7849020ad41bcbff5b51372793f91320e0f901641945568ed7322be",
    })
    void ethSigUtilDigests(String name, String expected) {
        assertEquals(expected, Hex.encode(Eip712.digest(load("eth-sig-util-" + name + ".json"))));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // Person.wallet is address[] and Mail.to is Person[]: arrays of atoms and of structs.
        "struct-arrays, ac26cc7aa2cb9a8a445fae4e48b33f978b558da9b16e26381c53814d3317f541",
        // Mail.replyTo is a Mail; the inner one leaves replyTo out, which encodes as 32 zero bytes.
        "recursive, 098a3fdba6dae9a89a220b7adbe1f38cf5d2aeabd94657aea65bb8aeef44f02e",
    })
    void ethSigUtilStructHashes(String name, String expected) {
        TypedData data = load("eth-sig-util-" + name + ".json");
        assertEquals(expected, Hex.encode(Eip712.hashStruct(data, "Mail", data.message(), "message")));
    }

    @Test
    void theReviewShowsTheDomainAndThePrimaryType() {
        TypedDataReview r = load("mail.json").review();
        assertEquals("Mail", r.primaryType());
        assertEquals("Ether Mail", r.name());
        assertEquals("1", r.version());
        assertEquals(BigInteger.ONE, r.chainId());
        assertEquals("0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC", r.verifyingContract());
        assertNull(r.salt());
    }

    @Test
    void aValueItsTypeDoesNotDeclareIsLeftOutOfTheHashAndNamed() {
        // eth_signTypedData_v4 hashes the members a type declares and nothing else
        byte[] plain = Eip712.digest(load("mail.json"));
        List<String> uncovered = new ArrayList<>();
        TypedData extra = TypedData.parse(Resources.text("mail.json")
                .replace("\"contents\": \"Hello, Bob!\"", "\"contents\": \"Hello, Bob!\", \"bcc\": \"Eve\"")
                .replace("\"name\": \"Bob\",", "\"name\": \"Bob\", \"nickname\": \"B\",")
                .replace("\"chainId\": 1,", "\"chainId\": 1, \"extra\": 2,"));
        assertArrayEquals(plain, Eip712.digest(extra, uncovered));
        assertEquals(List.of("domain.extra", "message.bcc", "message.to.nickname"), uncovered);
        assertArrayEquals(plain, Eip712.digest(extra), "the same digest without asking what is left out");
    }

    @Test
    void aDomainValueItsTypeDoesNotDeclareIsNotShownAsSigned() {
        // a chain id in the domain's JSON but not in EIP712Domain: the signature holds on every chain
        TypedData unbound = TypedData.parse(
                Resources.text("mail.json").replace("{\"name\": \"chainId\", \"type\": \"uint256\"},", ""));
        List<String> uncovered = new ArrayList<>();
        Eip712.digest(unbound, uncovered);
        assertEquals(List.of("domain.chainId"), uncovered);
        assertNull(unbound.review().chainId(), "the review must not show a chain id the signature does not bind");
        assertEquals("Ether Mail", unbound.review().name(), "declared values are still shown");
    }

    @Test
    void anOpenSeaListingHashesAsSeaportDeclaresItsOrder() {
        TypedData listing = load("seaport-listing.json");
        // Seaport's ORDER_TYPEHASH, the constant its contracts check a listing's signature against
        assertEquals(
                "fa445660b7e21515a59617fcd68910b487aa5808b8abda3d78bc85df364b2c2f",
                Hex.encode(Eip712.typeHash(listing, "OrderComponents")));
        List<String> uncovered = new ArrayList<>();
        Eip712.digest(listing, uncovered);
        assertEquals(List.of("message.totalOriginalConsiderationItems"), uncovered, "OpenSea adds one value");
    }

    private static String mailWith(String from, String to) {
        return Resources.text("mail.json").replace(from, to);
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "\"contents\": \"Hello, Bob!\"|\"contents\": 7|message.contents (string) must be a JSON string",
                "\"chainId\": 1|\"chainId\": -1|domain.chainId (uint256) must not be negative",
                "\"chainId\": 1|\"chainId\": \"0x10000000000000000000000000000000000000000000000000000000000000000\"|domain.chainId (uint256) is not a 0x hex quantity",
                "\"chainId\": 1|\"chainId\": 1.5|domain.chainId (uint256) must be an integer",
                "0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB|0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbb|message.to.wallet (address) has a wrong EIP-55 checksum",
                "\"name\": \"Cow\", |''|message.from.name (string) is missing",
                "{\"name\": \"from\", \"type\": \"Person\"}|{\"name\": \"from\", \"type\": \"Persn\"}|type 'Persn' of Mail.from is neither",
                "\"primaryType\": \"Mail\"|\"primaryType\": \"Letter\"|primaryType must name a type declared",
                "\"primaryType\": \"Mail\",|\"primaryType\": \"Mail\", \"from\": \"x\",|unknown field 'from'",
                "\"Ether Mail\"|\"Ether Mail\", \"name\": \"Other Mail\"|Duplicate field 'name'",
            })
    void refusesWhatTheSignatureWouldNotMean(String from, String to, String expected) {
        String json = mailWith(from, to);
        assertTrue(!json.equals(Resources.text("mail.json")), "the case must change the fixture");
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Eip712.digest(TypedData.parse(json)));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void refusesTypedDataWithoutADeclaredDomainType() {
        String json = Resources.text("mail.json").replaceFirst("\"EIP712Domain\"", "\"Domain\"");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TypedData.parse(json));
        assertTrue(e.getMessage().contains("types.EIP712Domain is missing"), e.getMessage());
    }

    @Test
    void fixedSizeArraysAndSizedIntegersAreChecked() {
        String json = """
                {"types": {"EIP712Domain": [], "Vote": [{"name": "choices", "type": "uint8[2]"},
                  {"name": "tag", "type": "bytes4"}, {"name": "delta", "type": "int16"}, {"name": "ok", "type": "bool"}]},
                 "primaryType": "Vote", "domain": {},
                 "message": {"choices": [1, 255], "tag": "0x12345678", "delta": -32768, "ok": true}}""";
        Eip712.digest(TypedData.parse(json));
        for (String[] bad : new String[][] {
            {"[1, 255]", "[1, 256]", "does not fit in 8 bits"},
            {"[1, 255]", "[1]", "must have exactly 2 elements"},
            {"\"0x12345678\"", "\"0x123456\"", "must be exactly 4 bytes"},
            {"-32768", "-32769", "does not fit in int16"},
            {"true", "1", "must be true or false"},
        }) {
            IllegalArgumentException e = assertThrows(
                    IllegalArgumentException.class, () -> Eip712.digest(TypedData.parse(json.replace(bad[0], bad[1]))));
            assertTrue(e.getMessage().contains(bad[2]), e.getMessage());
        }
    }

    @Test
    void nestedArraysHashTheConcatenationOfTheirElementsAtEveryLevel() {
        TypedData grid = TypedData.parse("""
                {"types": {"EIP712Domain": [], "Grid": [{"name": "cells", "type": "uint8[][]"}]},
                 "primaryType": "Grid", "domain": {}, "message": {"cells": [[1, 2], [3]]}}""");
        byte[] row0 = Hashes.keccak256(Bytes.concat(Bytes.word(BigInteger.ONE), Bytes.word(BigInteger.TWO)));
        byte[] row1 = Hashes.keccak256(Bytes.word(BigInteger.valueOf(3)));
        byte[] expected = Hashes.keccak256(Bytes.concat(
                Hashes.keccak256("Grid(uint8[][] cells)".getBytes(StandardCharsets.UTF_8)),
                Hashes.keccak256(Bytes.concat(row0, row1))));
        assertEquals(Hex.encode(expected), Hex.encode(Eip712.hashStruct(grid, "Grid", grid.message(), "message")));
    }

    @Test
    void aMessageThatTheDomainOnlyDigestWouldIgnoreIsRefused() {
        String json = Resources.text("eth-sig-util-minimal.json")
                .replace("\"message\": {}", "\"message\": {\"data\": \"x\"}");
        assertThrows(IllegalArgumentException.class, () -> Eip712.digest(TypedData.parse(json)));
    }
}
