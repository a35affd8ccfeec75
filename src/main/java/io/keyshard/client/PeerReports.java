package io.keyshard.client;

import io.keyshard.ExitCoded;
import io.keyshard.wire.ErrorAnswer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A server's refusal (422) that blames a co-signer, as the user reads it. Threshold-ECDSA messages between
 * servers are sealed to their recipient, so the client cannot check the accusation: either the named server
 * sent a bad message or the reporting server lies about it. The failure says who reported what and that one
 * of the two is faulty, and names neither as the culprit. A refusal that blames no single server names none.
 * Who is blamed and which check failed come from the answer's typed fields (docs/protocol.md, Errors), never
 * from its message, which is quoted for people.
 */
final class PeerReports {
    private PeerReports() {}

    /** The run's servers by id: the names the client gives a culprit the answers name by id. */
    static Map<Integer, String> names(List<NodeConnection> servers) {
        Map<Integer, String> out = new TreeMap<>();
        servers.forEach(c -> out.put(c.info().id(), c.name()));
        return out;
    }

    /**
     * {@code e} unchanged, unless it is a server's protocol refusal: when it names as culprit another of the run's
     * servers ({@code names}, by id) the same failure (exit code 5) worded as that server's report, naming both and
     * neither as the culprit; otherwise the same failure naming no server as its cause, since the refusing server
     * only reports what it was sent (an older node's refusal, without the typed fields, reads this way too).
     */
    static KeygenException attributed(String activity, KeygenException e, Map<Integer, String> names) {
        if (e.exitCode() != ExitCoded.PROTOCOL || !(e.getCause() instanceof ServerException se)) {
            return e;
        }
        String reporter = se.server();
        ErrorAnswer.Culprit culprit = se.culprit();
        String accused = culprit == null ? null : names.get(culprit.serverId());
        if (accused == null || accused.equals(reporter)) {
            return new KeygenException(null, e.getMessage(), ExitCoded.PROTOCOL, se);
        }
        String where = e.getMessage().startsWith(activity + " failed") ? whereOf(activity, e.getMessage()) : "";
        return KeygenException.disputed(
                reporter, accused, activity + " failed" + where + ": " + report(reporter, accused, se), se);
    }

    /** " in round N" or "" as {@link ParallelRound} put it between the activity and the server's name. */
    private static String whereOf(String activity, String message) {
        int end = message.indexOf(": server ");
        return end < 0 ? "" : message.substring((activity + " failed").length(), end);
    }

    /** "ALPHA reports that BRAVO's message failed the multiplication check; one of the two servers is faulty ...". */
    static String report(String reporter, String accused, ServerException refusal) {
        String what = refusal.check() != null
                ? "failed the " + refusal.check().toLowerCase(Locale.ROOT).replace('_', ' ') + " check"
                : "failed its checks (" + reporter + " says: " + refusal.detail() + ")";
        String burned = refusal.setupBurned()
                ? "; " + reporter + " no longer signs with " + accused + " over their pairwise setup, which is made"
                        + " afresh before the two sign together again"
                : "";
        return reporter + " reports that " + accused + "'s message " + what + "; one of the two servers is faulty "
                + "(the client cannot see their sealed messages to tell which)" + burned;
    }
}
