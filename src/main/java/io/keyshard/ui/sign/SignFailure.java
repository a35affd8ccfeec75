package io.keyshard.ui.sign;

import io.keyshard.ExitCoded;
import io.keyshard.client.KeygenException;
import io.keyshard.ui.common.UiTasks;
import java.util.List;

/**
 * A signing that ended without a signature, in words: what happened (naming the server) and what to do.
 *
 * @param server the server named as the cause, or null
 */
record SignFailure(String what, String advice, String server) {
    static SignFailure cancelled() {
        return new SignFailure(
                "Cancelled. Nothing was signed: every signer was told to drop its nonces.",
                "Sign starts again with new nonces; nothing of the cancelled attempt is reused.",
                null);
    }

    static SignFailure of(Throwable e) {
        Throwable t = UiTasks.unwrap(e);
        String server = t instanceof KeygenException ke ? ke.server() : null;
        int code = t instanceof ExitCoded ec ? ec.exitCode() : ExitCoded.OTHER;
        String what = (server == null ? "Nothing was signed: " : "Nothing was signed. Server " + server + ": ")
                + UiTasks.message(t);
        List<String> disputed = t instanceof KeygenException ke ? ke.disputed() : List.of();
        String advice;
        if (disputed.size() == 2) {
            String a = disputed.get(0);
            String b = disputed.get(1);
            advice = "The signers' messages to each other are sealed, so the app cannot tell whether " + b
                    + " sent a bad one or " + a + " reports falsely. Sign without one of them (untick " + a + " or "
                    + b + "), and tell both operators.";
        } else if (t instanceof IllegalArgumentException) {
            advice = "Nothing was sent to a server. Change what is named above (the message or the signers) and "
                    + "review it again.";
        } else if (code == ExitCoded.PROTOCOL && server != null) {
            advice = server + " answered with something that does not check out, so its part was refused. Untick "
                    + server + " and sign with the key's other servers, and tell its operator.";
        } else if (code == ExitCoded.SERVER) {
            advice = (server == null ? "Start the servers that did not answer" : "Start " + server + " again")
                    + " (Servers screen) or tick other servers, then Sign again.";
        } else {
            advice = "Check the servers (Servers screen) and Sign again; each attempt uses new nonces.";
        }
        return new SignFailure(what, advice, server);
    }
}
