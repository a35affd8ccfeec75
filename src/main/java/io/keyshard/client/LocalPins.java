package io.keyshard.client;

import io.keyshard.node.NodeFiles;
import io.keyshard.node.PeerEntries;
import io.keyshard.node.PeerRoster;
import io.keyshard.wire.PeerEntry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The remote servers this computer's local servers (OFFICIAL_1..3) pin as peers (docs/protocol.md, Peer
 * rosters). The person who adds a remote server from its entry is the operator of the local servers, and
 * adding it is their check of that entry, so the same step pins it on each local server that exists; the
 * remote server's operator pins the local servers' entries ({@link #ownEntries}) on their side.
 */
final class LocalPins {
    private LocalPins() {}

    /**
     * Pins {@code entry} on every local server that exists. A local server already pinning that name with other
     * identity keys refuses (a changed identity is never taken silently): the message says to remove the server
     * and add its new entry.
     */
    static void pin(Path home, PeerEntry entry) throws IOException {
        List<PeerRoster> rosters = rosters(home);
        for (PeerRoster roster : rosters) {
            if (roster.list().stream().anyMatch(p -> p.name().equals(entry.name()) && !p.sameIdentity(entry))) {
                throw new IllegalArgumentException("this computer's servers already pin " + entry.name() + " with "
                        + "another id or other identity keys. If " + entry.name() + " was set up again, check its new "
                        + "entry with its operator, remove the server here, then add the new entry");
            }
        }
        for (PeerRoster roster : rosters) {
            roster.add(entry);
        }
    }

    /** Unpins {@code name} on every local server (the server was removed from this computer's list). */
    static void unpin(Path home, String name) throws IOException {
        for (PeerRoster roster : rosters(home)) {
            roster.remove(name);
        }
    }

    /** The entries of the local servers that exist, for a remote server's operator to pin (no API key in them). */
    static List<PeerEntry> ownEntries(Path home) throws IOException {
        List<PeerEntry> out = new ArrayList<>();
        for (Path data : dataFolders(home)) {
            out.add(PeerEntries.own(data));
        }
        return out;
    }

    private static List<PeerRoster> rosters(Path home) throws IOException {
        List<PeerRoster> out = new ArrayList<>();
        for (Path data : dataFolders(home)) {
            out.add(new PeerRoster(new NodeFiles(data)));
        }
        return out;
    }

    private static List<Path> dataFolders(Path home) {
        return LocalCluster.NAMES.stream()
                .map(n -> LocalCluster.dataFolder(home, n))
                .filter(d -> new NodeFiles(d).initialised())
                .toList();
    }
}
