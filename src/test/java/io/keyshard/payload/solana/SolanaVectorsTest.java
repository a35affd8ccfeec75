package io.keyshard.payload.solana;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.address.Base58;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Known serialized transactions from Trust Wallet's wallet-core (tests/chains/Solana/TransactionTests.cpp):
 * an SPL token transfer that was sent on mainnet (signature 3vZ67C…, made with spl-token) and a
 * nonce-account creation with two signers.
 */
class SolanaVectorsTest {
    static final String TOKEN_TRANSFER =
            "PGfKqEaH2zZXDMZLcU6LUKdBSzU1GJWJ1CJXtRYCxaCH7k8uok38WSadZfrZw3TGejiau7nSpan2GvbK26hQim24jR"
                    + "e2AupmcYJFrgsdaCt1Aqs5kpGjPqzgj9krgxTZwwob3xgC1NdHK5BcNwhxwRtrCphGEH7zUFpGFrFrHzgpf2KY8FvP"
                    + "iPELQyxzTBuyNtjLjMMreehSKShEjD9Xzp1QeC1pEF8JL6vUKzxMXuveoEYem8q8JiWszYzmTMfDk13JPgv7pXFGMq"
                    + "DV3yNGCLsWccBeSFKN4UKECre6x2QbUEiKGkHkMc4zQwwyD8tGmEMBAGm339qdANssEMNpDeJp2LxLDStSoWShHnot"
                    + "crH7pUa94xCVvCPPaomF";
    static final String TOKEN_SIGNER = "B1iGmDJdvmxyUiYM8UEo2Uw2D58EmUrw4KyLYMmrhf8V";
    static final String TOKEN_SIGNATURE =
            "3vZ67CGoRYkuT76TtpP2VrtTPBfnvG2xj6mUTvvux46qbnpThgQDgm27nC3yQVUZrABFjT9Qo7vA74tCjtV5P9Xg";

    static final String CREATE_NONCE =
            "3wu6xJSbb2NysVgi7pdfMgwVBT1knAdeCr9NR8EktJLoByzM4s9SMto2PPmrnbRqPtHwnpAKxXkC4vqyWY2dRBgdGG"
                    + "CC1bep6qN5nSLVzpPYAWUSq5cd4gfYMAVriFYRRNHmYUnEq8vMn4vjiECmZoHrpabBj8HpXGqYBo87sbZa8ZPCxUcB"
                    + "71hxXiHWZHj2rovx2kr75Uuv1buWXyW6M8uR4UNvQcPPvzVbwBG82RjDYTuancMSAxmrVNR8GLBQNhrCCYrZyte3EW"
                    + "gEyMQxxfW8T3xNXqnbgdfvFJ3UjRBxXj3hrmv17xEivTjfs81aG2AAi24yiYrk8ep7eQqwDHVSArsrynnwVKVNUcCQ"
                    + "CnSy7fuiuS7FweFX8DEN1K9BrfecHyWrF15fYzhkmWSs64aH6ZTYHWPv5znhFKYmAuopGwbsBEb2j5p8NS3iJZ2skb"
                    + "2wi47n1rpLZfoCHWKxNiikkDUJTGQNcSDrGUMfeW5aGubJrCfecPKEo9Wo9kd36iSsxYPYSWNKrz2HTooa1rCRhqjX"
                    + "D8dyX3bXGV8TK6W2sEgf4JkcDnNoWQLbindcP8XR";

    @Test
    void theMainnetTokenTransferParsesAndItsSignatureVerifies() {
        SolanaTransaction tx = SolanaTransaction.parseText(TOKEN_TRANSFER);
        assertEquals(TOKEN_SIGNATURE, Base58.encode(tx.signatures().get(0)));
        assertTrue(tx.isSigned(0));
        assertArrayEquals(Base58.decode(TOKEN_TRANSFER), tx.serialize());

        SolanaReview r = tx.review();
        assertEquals("legacy", r.version());
        assertEquals(TOKEN_SIGNER, r.feePayer());
        assertEquals(5, r.accounts().size());
        assertEquals(
                new SolanaReview.Account(TOKEN_SIGNER, true, true), r.accounts().get(0));
        assertEquals(List.of("TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA"), r.programIds());
        assertEquals(1, r.instructionCount());
        assertEquals("CNaHfvqePgGYMvtYi9RuUdVxDYttr1zs4TWrTXYabxZi", r.recentBlockhash());
        assertEquals(1, r.signaturesPresent());
        // Two read-only non-signers at the end: the mint and the token program.
        assertFalse(r.accounts().get(3).writable());
        assertFalse(r.accounts().get(4).writable());
    }

    @Test
    void insertingTheSameSignatureGivesTheSameBytes() {
        SolanaTransaction tx = SolanaTransaction.parseText(TOKEN_TRANSFER);
        byte[] key = Base58.decode(TOKEN_SIGNER);
        assertEquals(0, tx.signerSlot(key));
        SolanaTransaction unsigned = SolanaTransaction.parse(tx.message().bytes());
        assertEquals(0, unsigned.review().signaturesPresent());
        SolanaTransaction signed = unsigned.withSignature(key, Base58.decode(TOKEN_SIGNATURE));
        assertArrayEquals(Base58.decode(TOKEN_TRANSFER), signed.serialize());
    }

    @Test
    void aSignatureThatDoesNotVerifyIsNotInserted() {
        SolanaTransaction tx = SolanaTransaction.parseText(TOKEN_TRANSFER);
        byte[] bad = Base58.decode(TOKEN_SIGNATURE);
        bad[10] ^= 1;
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> tx.withSignature(Base58.decode(TOKEN_SIGNER), bad));
        assertTrue(e.getMessage().contains("does not verify"), e.getMessage());
    }

    @Test
    void eachOfTwoSignersHasItsOwnSlot() {
        SolanaTransaction tx = SolanaTransaction.parseText(CREATE_NONCE);
        SolanaReview r = tx.review();
        assertEquals(2, r.signaturesRequired());
        assertEquals("sp6VUqq1nDEuU83bU2hstmEYrJNipJYpwS7gZ7Jv7ZH", r.feePayer());
        assertEquals(0, tx.signerSlot(Base58.decode("sp6VUqq1nDEuU83bU2hstmEYrJNipJYpwS7gZ7Jv7ZH")));
        assertEquals(1, tx.signerSlot(Base58.decode("6vNrYDm6EHcvBALY7HywuDWpTSc6uGt3y2nf5MuG1TmJ")));
        assertEquals(2, r.instructionCount());
        assertEquals(List.of("11111111111111111111111111111111"), r.programIds());
        assertArrayEquals(Base58.decode(CREATE_NONCE), tx.serialize());
    }

    @Test
    void aKeyThatIsNotARequiredSignerIsRefused() {
        SolanaTransaction tx = SolanaTransaction.parseText(TOKEN_TRANSFER);
        IllegalArgumentException notSigner = assertThrows(
                IllegalArgumentException.class,
                () -> tx.signerSlot(Base58.decode("TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA")));
        assertTrue(
                notSigner.getMessage().contains("is in the transaction but not as a signer"), notSigner.getMessage());
        IllegalArgumentException absent = assertThrows(
                IllegalArgumentException.class,
                () -> tx.signerSlot(Base58.decode("sp6VUqq1nDEuU83bU2hstmEYrJNipJYpwS7gZ7Jv7ZH")));
        assertTrue(
                absent.getMessage().contains("is not in the transaction; its required signers are " + TOKEN_SIGNER),
                absent.getMessage());
    }
}
