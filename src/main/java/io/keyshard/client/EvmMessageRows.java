package io.keyshard.client;

import io.keyshard.payload.evm.EvmChain;
import io.keyshard.payload.evm.EvmUnits;
import io.keyshard.payload.evm.KnownToken;
import io.keyshard.payload.evm.Permit2Approval;
import io.keyshard.payload.evm.SiweMessage;
import io.keyshard.payload.evm.TypedPermit;
import java.math.BigInteger;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The review rows of what an EVM message asks in words: a sign-in (ERC-4361) names the site, account and
 * chain; a typed-data permit, or a Permit2 allowance set by transaction, names spender, token, amount and how
 * long it holds. Each comes with the warning a person should read before signing it.
 */
final class EvmMessageRows {
    /** The last second a date can be written for; a permit valid past it never ends in practice. */
    private static final BigInteger YEAR_9999_END = BigInteger.valueOf(253_402_300_799L);

    private EvmMessageRows() {}

    /** Batch permits show this many tokens in rows; the message lines below list the rest. */
    private static final int GRANT_ROWS = 20;

    /**
     * A permit is an approval by signature: spender and, for each token, amount and how long it holds, and a
     * warning unless it lets nothing move.
     */
    static void permit(TypedPermit p, BigInteger chainId, List<SignReview.Row> rows, List<String> warnings) {
        List<TypedPermit.Grant> grants = p.grants();
        if (grants.size() == 1) {
            TypedPermit.Grant g = grants.get(0);
            String until = until(g);
            String amount = allowanceRows(p.spender(), g.token(), g.amount(), g.unlimited(), until, chainId, rows);
            if (g.unlimited() || g.amount().signum() > 0) {
                warnings.add("this signature is a token approval: " + p.spender() + " may move "
                        + (g.unlimited() ? "an unlimited amount" : "up to " + amount) + " of the token " + g.token()
                        + " from this address until " + until + ", with no transaction from you; sign only for a "
                        + "site and contract you trust");
            }
            return;
        }
        rows.add(new SignReview.Row("Spender", p.spender()));
        if (grants.isEmpty()) {
            rows.add(new SignReview.Row("Tokens", "none: the permit moves no token"));
            return;
        }
        boolean oneEnd = grants.stream().map(EvmMessageRows::until).distinct().count() == 1;
        for (int k = 0; k < Math.min(grants.size(), GRANT_ROWS); k++) {
            TypedPermit.Grant g = grants.get(k);
            rows.add(new SignReview.Row(
                    "Token " + (k + 1) + " of " + grants.size(),
                    g.token() + ": " + shown(g.token(), g.amount(), g.unlimited(), chainId)
                            + (oneEnd ? "" : ", until " + until(g))));
        }
        if (grants.size() > GRANT_ROWS) {
            rows.add(new SignReview.Row(
                    "More tokens", (grants.size() - GRANT_ROWS) + " more, in the message's lines below"));
        }
        if (oneEnd) {
            rows.add(new SignReview.Row("Valid until", until(grants.get(0))));
        }
        long unlimited = grants.stream().filter(TypedPermit.Grant::unlimited).count();
        warnings.add("this signature is a token approval of " + grants.size() + " tokens: " + p.spender()
                + " may move up to the amounts shown"
                + (unlimited == 0 ? "" : " (" + unlimited + " of them unlimited)") + " from this address until "
                + (oneEnd ? until(grants.get(0)) : "the dates shown") + ", with no transaction from you; sign only "
                + "for a site and contract you trust");
    }

    /** How long a grant holds, in words. */
    private static String until(TypedPermit.Grant g) {
        return g.validUntil() == null ? "no end (it never expires)" : date(g.validUntil());
    }

    /**
     * A Permit2 allowance set by transaction: the same four rows as a permit, and, unless it grants nothing, a
     * warning that the spender may then move what the key approved to Permit2 before.
     */
    static void permit2Approval(
            Permit2Approval a, BigInteger chainId, String address, List<SignReview.Row> rows, List<String> warnings) {
        boolean unlimited = a.amount().equals(Permit2Approval.UNLIMITED);
        String until = permit2Until(a.expiration());
        String amount =
                allowanceRows(marked(a.spender(), address), a.token(), a.amount(), unlimited, until, chainId, rows);
        if (a.amount().signum() > 0) {
            warnings.add("this transaction sets a Permit2 allowance: " + a.spender() + " may move "
                    + (unlimited ? "an unlimited amount" : "up to " + amount) + " of the token " + a.token()
                    + " from this address until " + until + " without asking again, as far as this key approved the "
                    + "token to Permit2; approve only a contract you trust");
        }
    }

    /** How long a Permit2 allowance set in a transaction holds, in words. */
    static String permit2Until(BigInteger expiration) {
        // Permit2 reads an expiration of 0 as the timestamp of the block the allowance is set in
        return expiration.signum() == 0 ? "the end of the block this transaction is in" : date(expiration);
    }

    /** Spender, token, amount and end as rows; returns the amount as shown (in whole tokens when known). */
    private static String allowanceRows(
            String spender,
            String token,
            BigInteger amount,
            boolean unlimited,
            String until,
            BigInteger chainId,
            List<SignReview.Row> rows) {
        String shown = shown(token, amount, unlimited, chainId);
        rows.add(new SignReview.Row("Spender", spender));
        rows.add(new SignReview.Row("Token", token));
        rows.add(new SignReview.Row("Amount", shown));
        rows.add(new SignReview.Row("Valid until", until));
        return shown;
    }

    /** An allowance's amount: "unlimited", in whole tokens when the token is known, else in smallest units. */
    private static String shown(String token, BigInteger amount, boolean unlimited, BigInteger chainId) {
        return unlimited
                ? "unlimited"
                : KnownToken.of(chainId, token)
                        .map(k -> k.amount(amount))
                        .orElse(amount + " (the token's smallest units)");
    }

    /** An amount of the chain's native coin in wei, named after the coin: "0.004 ETH". */
    static String coinAmount(BigInteger chainId, BigInteger wei) {
        return EvmChain.amount(chainId, EvmUnits.ether(wei));
    }

    /** A token amount in whole tokens when the token is known ("250 USDC"), else in its smallest units with its address. */
    static String tokenAmount(BigInteger chainId, String token, BigInteger units) {
        return KnownToken.of(chainId, token)
                .map(k -> k.amount(units))
                .orElse(units + " of the token " + token + " (its smallest units)");
    }

    /** The address, marked "(this key)" when it is the signing key's own {@code address} (both EIP-55). */
    static String marked(String a, String address) {
        return a.equals(address) ? a + " (this key)" : a;
    }

    /** Unix seconds as a UTC date, or "no end" past the last second a date can be written for. */
    static String date(BigInteger unixSeconds) {
        return unixSeconds.compareTo(YEAR_9999_END) > 0
                ? "no end (" + unixSeconds + ")"
                : DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
                        .withZone(ZoneOffset.UTC)
                        .format(Instant.ofEpochSecond(unixSeconds.longValueExact()));
    }

    /** A sign-in: the site it proves control of this address to, and whether the message agrees with itself. */
    static void signIn(SiweMessage m, String address, List<SignReview.Row> rows, List<String> warnings) {
        String site = (m.scheme() == null ? "" : m.scheme() + "://") + m.domain();
        rows.add(new SignReview.Row("Sign in to", site));
        rows.add(new SignReview.Row("As account", m.address()));
        if (m.statement() != null) {
            rows.add(new SignReview.Row("Statement", m.statement()));
        }
        rows.add(new SignReview.Row("URI", m.uri()));
        rows.add(new SignReview.Row("Chain id", EvmChain.describe(m.chainId())));
        rows.add(new SignReview.Row("Nonce", m.nonce()));
        rows.add(new SignReview.Row("Issued at", m.issuedAt()));
        for (String field : m.optional()) {
            int colon = field.indexOf(": ");
            rows.add(new SignReview.Row(field.substring(0, colon), field.substring(colon + 2)));
        }
        if (!m.resources().isEmpty()) {
            rows.add(new SignReview.Row("Resources", String.join(", ", m.resources())));
        }
        warnings.add("this is a sign-in: it proves to " + m.domain() + " that you control " + address
                + "; sign it only if you are signing in to " + m.domain() + " yourself, now");
        if (!m.address().equalsIgnoreCase(address)) {
            warnings.add("the message signs in as " + m.address() + ", which is not this key's address " + address);
        }
        if (!m.uriOnDomain()) {
            warnings.add("the message's URI " + m.uri() + " is not on " + m.domain()
                    + ": a site may be asking you to sign in to another one");
        }
    }
}
