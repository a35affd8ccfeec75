package io.keyshard.ui.keys;

import io.keyshard.curve.DerivationScheme;
import io.keyshard.vault.KeyRecord;
import io.keyshard.vault.KeyStatus;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How a key's facts read on screen: t-of-n, dates, the derivation scheme, and what each status means. */
final class KeyTexts {
    static final DateTimeFormatter SHORT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());
    static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneId.systemDefault());
    static final DateTimeFormatter LONG =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss zzz").withZone(ZoneId.systemDefault());

    private KeyTexts() {}

    static String tOfN(KeyRecord key) {
        return key.threshold() + " of " + key.servers().size();
    }

    /** "Any 2 of these 3 servers can sign together; one alone cannot.", or that a failed key signs nowhere. */
    static String thresholdSentence(KeyRecord key) {
        if (key.status() == KeyStatus.FAILED) {
            return "The servers this key was to be made on; no key was made, so none of them signs for it.";
        }
        int t = key.threshold();
        if (t == key.servers().size()) {
            return "All " + t + " servers must sign together; if one is lost, so is the key.";
        }
        return "Any " + t + " of these " + key.servers().size() + " servers can sign together; "
                + (t == 2 ? "one alone cannot." : "fewer than " + t + " cannot.");
    }

    /** What the keyId is worth for this key: the handle to its shares, or, for a failed key, a name only. */
    static String keyIdHelp(KeyRecord key) {
        return switch (key.status()) {
            case READY -> "The only handle to this key's shares on the servers. Keep it; the vault and its backups do.";
            case PENDING ->
                "The handle to the shares the servers may hold for this key. Keep it until the key is settled; "
                        + "the vault and its backups do.";
            case FAILED ->
                "Names this attempt only: no key was made under it and no server holds a usable share of it.";
        };
    }

    static String shortDate(Instant at) {
        return SHORT.format(at);
    }

    static String dateOnly(Instant at) {
        return DATE.format(at);
    }

    static String longDate(Instant at) {
        return LONG.format(at);
    }

    static String scheme(DerivationScheme scheme) {
        return switch (scheme) {
            case BIP32 -> "BIP-32 public derivation (non-hardened child keys)";
            case SLIP10 -> "SLIP-10 public derivation (non-hardened child keys)";
            case EDWARDS_ADDITIVE -> "Edwards additive derivation (child key = root key + tweak × G)";
        };
    }

    /** What the key's status means for the user and what they can do. */
    static String statusExplanation(KeyRecord key) {
        return switch (key.status()) {
            case READY ->
                "Ready: every server confirmed the same public key. Its addresses can be derived "
                        + "without any server.";
            case PENDING ->
                "Pending: the servers have not confirmed this key yet (Keyshard or a server stopped "
                        + "while it was being generated). Resolve now asks them: the key becomes Ready if they all "
                        + "hold the same result, Failed if not, and stays Pending while a server cannot be reached. "
                        + "'keyshard keygen' also resolves pending keys when it starts.";
            case FAILED ->
                "Failed: " + (key.failureReason() == null ? "no reason was recorded" : key.failureReason())
                        + ". No usable key was made and nothing is lost; create the key again in the New key wizard.";
        };
    }

    /** Whether the automatic backups hold this key, and where they are. */
    static String backup(KeyRecord key, BackupState backups) {
        if (backups == null || backups.latest().isEmpty()) {
            return "No automatic backup yet. Keyshard writes one into "
                    + (backups == null ? "the backups folder" : backups.folder())
                    + " each time a key becomes ready; 'keyshard vault export' writes one now.";
        }
        String when = longDate(backups.latest().get());
        if (backups.covers(key)) {
            return "In the automatic backup of " + when + " in " + backups.folder()
                    + " (it opens with the vault password).";
        }
        return "Not in a backup yet: the latest automatic backup (" + when + ") is older than this key. "
                + "Run 'keyshard vault export' to write one now.";
    }
}
