package io.keyshard.ui.common;

/**
 * Where a key's shares live and what protects them, in the words the wizard, the backup dialog and
 * the Servers screen use: with the local cluster every share is on this computer, and the vault
 * backup holds keyIds, not shares.
 */
public final class ShareCustody {
    /** Where the local servers' data folders are backed up: Settings in the app, or the command. */
    public static final String NODES_BACKUP = "Settings, Back up the local servers, or keyshard nodes backup";

    /** Shown when every chosen server runs on this computer. */
    public static final String ALL_LOCAL = "All chosen servers run on this computer, so every share of this key will "
            + "be here too: losing or wiping this computer loses the key. To protect it, add servers on other "
            + "machines, or keep an encrypted backup of each local server's data folder (" + NODES_BACKUP + ").";

    /** What the vault backup does and does not protect. */
    public static final String VAULT_BACKUP = "This backup holds your key records (keyIds and public data), not the "
            + "shares: the shares stay on the servers. Keys on the local servers (OFFICIAL_1..3) are lost with this "
            + "computer unless their data folders are backed up too (" + NODES_BACKUP + ") or the key is on "
            + "servers on other machines.";

    /** The Servers screen's note on the local cluster. */
    public static final String LOCAL_CLUSTER = "The three local servers keep their shares in folders on this "
            + "computer, so a key made only on them is lost with this computer. Servers on other machines protect "
            + "it; so does an encrypted backup of the local servers' data folders (" + NODES_BACKUP + ").";

    /** What a backup of the local servers holds, and where it should not be kept. */
    public static final String SERVERS_BACKUP = "With this password, these files hold every share the local servers "
            + "keep: enough to sign with any key made only on this computer. Keep them off this computer, and the "
            + "files apart from each other if you can (keyshard nodes backup --server NAME writes one server at a time, "
            + "each with its own password). Restore the local servers, below, puts them back.";

    /** What one local server's backup file holds, and why it is kept apart from the others'. */
    public static String oneServerBackup(String name) {
        return "With its password, this file holds " + name + "'s share of every key made on it: with the file of "
                + "one more local server it is enough to sign with a 2-of-3 key made only on this computer. Keep it "
                + "off this computer and apart from the other servers' files, under a password of its own. Restore "
                + "the local servers (Settings) puts it back.";
    }

    private ShareCustody() {}
}
