package io.keyshard.client;

import io.keyshard.ExitCoded;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the client reads a node's refusal of its protocol version (the signing's relay version, the pairwise
 * setup's version) and tells the user which server runs which side and what to update. A node that knows the
 * version refuses another one as "{@code field}: version N is not this server's (M); ..." (400 MALFORMED); a
 * node from before the version refuses the request by its strict parse, in words {@link #olderParses} lists.
 */
final class VersionRefusal {
    private final int ours;
    private final String failed;
    private final String does;
    private final String doesNot;
    private final List<String> olderParses;
    private final Pattern nodeVersion;

    /**
     * {@code field} names the version in a node's refusal, {@code ours} is this client's; {@code failed} starts
     * the message ("signing failed in round 1"), {@code does} and {@code doesNot} say what a node of another
     * version does ("signs threshold ECDSA with relay version", "sign threshold ECDSA with relay version");
     * {@code olderParses}: how a node from before the version starts its refusal of the request.
     */
    VersionRefusal(String field, int ours, String failed, String does, String doesNot, List<String> olderParses) {
        this.ours = ours;
        this.failed = failed;
        this.does = does;
        this.doesNot = doesNot;
        this.olderParses = List.copyOf(olderParses);
        this.nodeVersion = Pattern.compile(Pattern.quote(field) + ": version \\d+ is not this server's \\((\\d+)\\)");
    }

    /** The failure that names the server and the side to update when {@code e} refused our version, else null. */
    KeygenException failure(KeygenException e) {
        if (olderNode(e)) {
            return new KeygenException(
                    e.server(),
                    failed + ": server " + e.server() + " runs an older Keyshard, which does not " + doesNot + " "
                            + ours + "; update it",
                    ExitCoded.SERVER,
                    e.getCause());
        }
        int theirs = nodeVersion(e);
        if (theirs > ours) {
            return new KeygenException(
                    e.server(),
                    failed + ": server " + e.server() + " runs a newer Keyshard, which " + does + " " + theirs
                            + " only, and this one with " + ours + "; update Keyshard on this computer",
                    ExitCoded.SERVER,
                    e.getCause());
        }
        return null;
    }

    /** True when a node refused as one older than this client: by its strict parse, or by naming an older version. */
    boolean olderNode(KeygenException e) {
        String detail = refusal(e);
        if (detail == null) {
            return false;
        }
        int theirs = nodeVersion(e);
        return olderParses.stream().anyMatch(detail::startsWith) || (theirs >= 0 && theirs < ours);
    }

    /** The version a node names as its own when it refuses ours, or -1. */
    int nodeVersion(KeygenException e) {
        String detail = refusal(e);
        Matcher m = detail == null ? null : nodeVersion.matcher(detail);
        return m != null && m.lookingAt() ? Integer.parseInt(m.group(1)) : -1;
    }

    /** The message of a node's 400 MALFORMED, or null for any other failure. */
    private static String refusal(KeygenException e) {
        return e.getCause() instanceof ServerException se && se.status() == 400 && "MALFORMED".equals(se.code())
                ? se.detail()
                : null;
    }
}
