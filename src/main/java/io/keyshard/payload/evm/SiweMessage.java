package io.keyshard.payload.evm;

import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Sign-In with Ethereum message (ERC-4361), read from the text a site asks to be signed with
 * {@code personal_sign}. Signing it proves control of the address to the site named in its first line,
 * so the review shows that site, the account, the chain and the times instead of a block of text.
 * Recognised only when the required lines come in the ABNF's order; other text stays a plain message.
 *
 * @param scheme the origin's scheme when the first line names one, else null
 * @param statement the human-readable assertion, or null
 * @param optional the optional fields present ("Expiration Time", "Not Before", "Request ID") in order,
 *     each as {@code name: value}
 */
public record SiweMessage(
        String scheme,
        String domain,
        String address,
        String statement,
        String uri,
        BigInteger chainId,
        String nonce,
        String issuedAt,
        List<String> optional,
        List<String> resources) {
    private static final Pattern HEADER =
            Pattern.compile("(?:([A-Za-z][A-Za-z0-9+.-]*)://)?(\\S+) wants you to sign in with your Ethereum account:");
    private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");
    private static final List<String> OPTIONAL = List.of("Expiration Time: ", "Not Before: ", "Request ID: ");

    public SiweMessage {
        optional = List.copyOf(optional);
        resources = List.copyOf(resources);
    }

    /** The message {@code text} is, when it is a Sign-In with Ethereum message. */
    public static Optional<SiweMessage> parse(String text) {
        List<String> lines = List.of(text.split("\n", -1));
        Matcher header = HEADER.matcher(lines.get(0));
        if (lines.size() < 8
                || !header.matches()
                || !ADDRESS.matcher(lines.get(1)).matches()) {
            return Optional.empty();
        }
        int i = 2;
        String statement = null;
        // "address LF LF [statement LF] LF": some sites leave out one of the empty lines
        while (i < lines.size() && lines.get(i).isEmpty()) {
            i++;
        }
        if (i < lines.size() && !lines.get(i).startsWith("URI: ")) {
            statement = lines.get(i++);
            while (i < lines.size() && lines.get(i).isEmpty()) {
                i++;
            }
        }
        String[] required = {"URI: ", "Version: ", "Chain ID: ", "Nonce: ", "Issued At: "};
        String[] values = new String[required.length];
        for (int k = 0; k < required.length; k++, i++) {
            if (i >= lines.size() || !lines.get(i).startsWith(required[k])) {
                return Optional.empty();
            }
            values[k] = lines.get(i).substring(required[k].length());
        }
        if (!"1".equals(values[1]) || !values[2].matches("[0-9]{1,78}")) {
            return Optional.empty();
        }
        List<String> optional = new ArrayList<>();
        for (String name : OPTIONAL) {
            if (i < lines.size() && lines.get(i).startsWith(name)) {
                optional.add(name + lines.get(i++).substring(name.length()));
            }
        }
        List<String> resources = new ArrayList<>();
        if (i < lines.size() && lines.get(i).equals("Resources:")) {
            for (i++; i < lines.size() && lines.get(i).startsWith("- "); i++) {
                resources.add(lines.get(i).substring(2));
            }
        }
        // a message pasted by hand often ends with a line break; nothing else may follow the fields
        while (i < lines.size() && lines.get(i).isEmpty()) {
            i++;
        }
        if (i != lines.size()) {
            return Optional.empty();
        }
        return Optional.of(new SiweMessage(
                header.group(1),
                header.group(2),
                lines.get(1),
                statement,
                values[0],
                new BigInteger(values[2]),
                values[3],
                values[4],
                optional,
                resources));
    }

    /** True when the URI's host is the domain's host (or a name under it), as a sign-in for that site is. */
    public boolean uriOnDomain() {
        String host = host(domain);
        try {
            String uriHost = new URI(uri).getHost();
            return uriHost != null
                    && (uriHost.equalsIgnoreCase(host)
                            || uriHost.toLowerCase(Locale.ROOT).endsWith("." + host.toLowerCase(Locale.ROOT)));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** The host of an RFC 3986 authority: without userinfo and port. */
    private static String host(String authority) {
        String h = authority.substring(authority.indexOf('@') + 1);
        int colon = h.lastIndexOf(':');
        return colon > 0 && !h.endsWith("]") ? h.substring(0, colon) : h;
    }
}
