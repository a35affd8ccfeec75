package io.keyshard.client;

import io.keyshard.ExitCoded;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server's refusal (422) that blames a co-signer, as the user reads it. Threshold-ECDSA messages between
 * servers are sealed to their recipient, so the client cannot check the accusation: either the named server
 * sent a bad message or the reporting server lies about it. The failure says who reported what and that one
 * of the two is faulty, and names neither as the culprit. A refusal that blames no single server names none.
 */
final class PeerReports {
    /** How a node's answer names the server whose message failed its check. */
    private static final Pattern CULPRIT = Pattern.compile("culprit server (\\S+) \\(id \\d+\\): (.*)", Pattern.DOTALL);

    private static final Pattern CHECK =
            Pattern.compile("(?:the (\\p{Upper}\\w*) check failed|failed the (\\p{Upper}\\w*) check)");

    private PeerReports() {}

    /**
     * {@code e} unchanged, unless it is a server's protocol refusal that names another server: then the same
     * failure (exit code 5) worded as that server's report, naming both and neither as the culprit.
     */
    static KeygenException attributed(String activity, KeygenException e) {
        if (e.exitCode() != ExitCoded.PROTOCOL || !(e.getCause() instanceof ServerException se)) {
            return e;
        }
        String reporter = se.server();
        String reason = se.getMessage().substring(("server " + reporter + ": ").length());
        Matcher m = CULPRIT.matcher(reason);
        if (!m.find() || m.group(1).equals(reporter)) {
            // a check no single server can be blamed for: the reporter refused, it did not misbehave
            return reason.contains("culprit") ? new KeygenException(null, e.getMessage(), ExitCoded.PROTOCOL, se) : e;
        }
        String accused = m.group(1);
        String where = e.getMessage().startsWith(activity + " failed") ? whereOf(activity, e.getMessage()) : "";
        return KeygenException.disputed(
                reporter, accused, activity + " failed" + where + ": " + report(reporter, accused, m.group(2)), se);
    }

    /** " in round N" or "" as {@link ParallelRound} put it between the activity and the server's name. */
    private static String whereOf(String activity, String message) {
        int end = message.indexOf(": server ");
        return end < 0 ? "" : message.substring((activity + " failed").length(), end);
    }

    /** "ALPHA reports that BRAVO's message failed the multiplication check; one of the two servers is faulty". */
    static String report(String reporter, String accused, String detail) {
        Matcher check = CHECK.matcher(detail);
        String what;
        if (check.find()) {
            String name = check.group(1) != null ? check.group(1) : check.group(2);
            what = "that " + accused + "'s message failed the " + words(name) + " check";
        } else {
            what = "about " + accused + " that " + detail.split(";", 2)[0].strip();
        }
        String burned = detail.contains("burned")
                ? "; " + reporter + " no longer signs with " + accused + " over their pairwise setup, which is made"
                        + " afresh before the two sign together again"
                : "";
        return reporter + " reports " + what + "; one of the two servers is faulty (the client cannot see their "
                + "sealed messages to tell which)" + burned;
    }

    private static String words(String checkName) {
        return checkName.toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
