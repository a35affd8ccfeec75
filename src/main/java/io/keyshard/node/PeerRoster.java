package io.keyshard.node;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.keyshard.OwnerOnlyFiles;
import io.keyshard.bytes.Hex;
import io.keyshard.dkg.Participant;
import io.keyshard.dkg.SessionSetup;
import io.keyshard.json.StrictJson;
import io.keyshard.wire.PeerEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The peers a node trusts (docs/protocol.md, Trust model), in {@code peers.json}: each server's name,
 * id and identity keys, pinned out of band by its operator ({@code node peers add}). A node takes part
 * only in key generations whose every other participant is pinned here with exactly those keys, and
 * checks the signed results of a commit against them. A running node re-reads the file when it
 * changes, so {@code node peers add|remove} take effect without a restart. Every change reads and
 * rewrites the file under a lock other processes respect ({@link OwnerOnlyFiles#update}).
 */
public final class PeerRoster {
    private final NodeFiles files;
    private volatile Snapshot snapshot = new Snapshot(null, -1, List.of());

    /** One pinned peer as stored; {@code url} and {@code certSha256} are left out when its entry had none. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Peer(
            String name,
            int id,
            String signingKey,
            String encryptionKey,
            String url,
            String certSha256,
            String addedAt) {
        public Peer {
            if (name == null || signingKey == null || encryptionKey == null) {
                throw new IllegalArgumentException("a pinned peer needs a name and both identity keys");
            }
        }

        /** True when this pin names exactly this participant: same id and the same two identity keys. */
        boolean matches(Participant p) {
            return id == p.id()
                    && Arrays.equals(Hex.decode(signingKey, "signingKey"), p.signingKey())
                    && Arrays.equals(Hex.decode(encryptionKey, "encryptionKey"), p.encryptionKey());
        }

        /** True when {@code e} names this peer with the same id and identity keys (where it is reached may differ). */
        public boolean sameIdentity(PeerEntry e) {
            return matches(PeerEntries.participant(e));
        }

        /** The entry this pin was made from (no API key). */
        public PeerEntry entry() {
            return new PeerEntry(name, id, url, certSha256, signingKey, encryptionKey);
        }
    }

    record PeersFile(List<Peer> peers) {}

    private record Snapshot(FileTime modified, long size, List<Peer> peers) {}

    public PeerRoster(NodeFiles files) {
        this.files = files;
    }

    /** The pinned peers, read from the file now; an empty list for a folder made before rosters existed. */
    public List<Peer> list() throws IOException {
        try {
            PeersFile read =
                    StrictJson.readerAllowingAbsentFields(PeersFile.class).readValue(Files.readAllBytes(files.peers()));
            if (read == null || read.peers() == null) {
                throw new NodeSetupException("peers.json is damaged: it holds no peer list");
            }
            return List.copyOf(read.peers());
        } catch (NoSuchFileException e) {
            return List.of();
        }
    }

    /**
     * Pins (or re-pins with a new url) a peer. Refuses the node's own entry, an id another pinned
     * peer has, and a name already pinned with other keys (remove it first: a changed identity is a
     * decision for the operator, never a silent update). Returns true when the roster changed.
     */
    public boolean add(PeerEntry entry) throws IOException {
        return OwnerOnlyFiles.update(files.peers(), () -> addLocked(entry));
    }

    private boolean addLocked(PeerEntry entry) throws IOException {
        Participant p = PeerEntries.participant(entry);
        NodeConfig self = files.readConfig();
        if (self.name().equals(p.name()) || self.id() == p.id()) {
            throw new IllegalArgumentException("this entry is this node's own (" + p.name() + ", id " + p.id()
                    + "): pin the other servers' entries here, and this node's entry on them");
        }
        List<Peer> all = new ArrayList<>(list());
        for (int i = 0; i < all.size(); i++) {
            Peer old = all.get(i);
            if (old.name().equals(p.name())) {
                if (!old.matches(p)) {
                    throw new IllegalArgumentException("peer " + p.name() + " is already pinned with another id or "
                            + "other identity keys; if its identity really changed, check with its operator, then "
                            + "'keyshard node peers remove --data DIR " + p.name() + "' and add it again");
                }
                Peer updated = pin(entry, old.addedAt());
                if (updated.equals(old)) {
                    return false;
                }
                all.set(i, updated);
                write(all);
                return true;
            }
            if (old.id() == p.id()) {
                throw new IllegalArgumentException(
                        "peer " + old.name() + " already has id " + p.id() + "; every server needs its own id");
            }
        }
        all.add(pin(entry, Instant.now().toString()));
        write(all);
        return true;
    }

    /** Pins {@code entry}, first dropping an older pin of its name or id that differs: for folders that are each other's authority. */
    boolean repin(PeerEntry entry) throws IOException {
        Participant p = PeerEntries.participant(entry);
        return OwnerOnlyFiles.update(files.peers(), () -> {
            List<Peer> all = new ArrayList<>(list());
            boolean dropped = all.removeIf(x -> (x.name().equals(p.name()) || x.id() == p.id())
                    && !(x.name().equals(p.name()) && x.matches(p)));
            if (dropped) {
                write(all);
            }
            return addLocked(entry) || dropped;
        });
    }

    /** Unpins a peer; false when no peer has that name. */
    public boolean remove(String name) throws IOException {
        return OwnerOnlyFiles.update(files.peers(), () -> {
            List<Peer> all = new ArrayList<>(list());
            boolean found = all.removeIf(p -> p.name().equals(name));
            if (found) {
                write(all);
            }
            return found;
        });
    }

    /**
     * Why this node must not take part in {@code setup}, or empty when every participant other than
     * {@code selfName} is pinned with the same id and identity keys. The reason names the peer.
     */
    Optional<String> refusal(SessionSetup setup, String selfName) throws IOException {
        List<Peer> peers = current();
        for (Participant p : setup.participants()) {
            if (p.name().equals(selfName)) {
                continue;
            }
            Optional<Peer> pin =
                    peers.stream().filter(x -> x.name().equals(p.name())).findFirst();
            if (pin.isEmpty()) {
                return Optional.of("server " + p.name() + " is not a pinned peer of this server"
                        + (peers.isEmpty() ? " (it pins no peers yet)" : "") + ": its operator runs 'keyshard node "
                        + "peers add --data DIR --entry F' with " + p.name()
                        + "'s entry before keys can be made with it");
            }
            if (!pin.get().matches(p)) {
                return Optional.of("server " + p.name() + " is listed with another id or other identity keys than "
                        + "this server pinned for it: the setup does not come from the servers it names");
            }
        }
        return Optional.empty();
    }

    private static Peer pin(PeerEntry e, String addedAt) {
        return new Peer(e.name(), e.id(), e.signingKey(), e.encryptionKey(), e.url(), e.certSha256(), addedAt);
    }

    private void write(List<Peer> all) throws IOException {
        OwnerOnlyFiles.write(files.peers(), StrictJson.pretty().writeValueAsBytes(new PeersFile(all)));
    }

    /** The roster as of the file's last change: re-read only when its time or size moved. */
    private List<Peer> current() throws IOException {
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(files.peers(), BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return List.of();
        }
        Snapshot s = snapshot;
        if (!attrs.lastModifiedTime().equals(s.modified()) || attrs.size() != s.size()) {
            s = new Snapshot(attrs.lastModifiedTime(), attrs.size(), list());
            snapshot = s;
        }
        return s.peers();
    }
}
