package io.keyshard.node;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keyshard.bytes.Hex;
import io.keyshard.dkg.Participant;
import io.keyshard.dkg.ServerIds;
import io.keyshard.dkg.Session;
import io.keyshard.json.StrictJson;
import io.keyshard.wire.PeerEntry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reading a peer's entry, exporting this node's own, and pinning the local cluster's nodes to each other. */
public final class PeerEntries {
    /** Entries are a few hundred bytes; anything much larger is not one. */
    public static final int LIMIT = 64 * 1024;

    /** The fields an entry may carry: {@code node init} prints all, {@code node peers export} all but the API key. */
    private static final Set<String> FIELDS =
            Set.of("name", "id", "url", "certSha256", "apiKey", "signingKey", "encryptionKey");

    private PeerEntries() {}

    /**
     * The pinnable part of an entry. The API key, if the entry has one, is ignored: it is the first
     * client's credential, never a peer's business. An entry printed before entries carried identity
     * keys is refused with the command that prints a new one.
     */
    public static PeerEntry parse(byte[] json) {
        if (json.length > LIMIT) {
            throw new IllegalArgumentException("the entry is larger than " + LIMIT + " bytes");
        }
        JsonNode tree;
        try {
            tree = StrictJson.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the entry is not JSON: give the object 'keyshard node init' or "
                    + "'keyshard node peers export' printed on that server");
        } catch (IOException e) {
            throw new IllegalArgumentException("the entry cannot be read");
        }
        if (!(tree instanceof ObjectNode o)) {
            throw new IllegalArgumentException("the entry must be one JSON object");
        }
        List<String> names = new ArrayList<>();
        o.fieldNames().forEachRemaining(names::add);
        for (String f : names) {
            if (!FIELDS.contains(f)) {
                throw new IllegalArgumentException("unknown field '" + f + "' in the entry");
            }
        }
        String name = text(o, "name");
        JsonNode id = o.get("id");
        if (name == null || id == null || !id.canConvertToInt() || !id.isIntegralNumber()) {
            throw new IllegalArgumentException("the entry needs the server's name and id");
        }
        String signingKey = text(o, "signingKey");
        String encryptionKey = text(o, "encryptionKey");
        if (signingKey == null || encryptionKey == null) {
            throw new IllegalArgumentException("the entry of " + name + " has no identity keys (it was printed "
                    + "before entries carried them): on that server run 'keyshard node peers export --data DIR' "
                    + "and pin the entry it prints");
        }
        PeerEntry e =
                new PeerEntry(name, id.intValue(), text(o, "url"), text(o, "certSha256"), signingKey, encryptionKey);
        participant(e);
        return e;
    }

    private static String text(ObjectNode o, String field) {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new IllegalArgumentException("'" + field + "' in the entry must be a string");
        }
        return v.asText();
    }

    /** The participant an entry describes, checked by the same rules as a session setup's. */
    static Participant participant(PeerEntry e) {
        ServerIds.idFor(e.name(), e.id());
        Participant p = new Participant(
                e.name(),
                e.id(),
                Hex.decode(e.signingKey(), "signingKey"),
                Hex.decode(e.encryptionKey(), "encryptionKey"));
        Session.checkIdentity(p);
        return p;
    }

    /** This node's own public entry, for its peers to pin ({@code node peers export}). */
    public static PeerEntry own(Path dataDir) throws IOException {
        NodeFiles files = new NodeFiles(dataDir);
        NodeConfig config = files.readConfig();
        try (NodeIdentity identity = NodeIdentity.load(files)) {
            return new PeerEntry(
                    config.name(),
                    config.id(),
                    config.url(),
                    NodeInitializer.certificatePin(files),
                    Hex.encode(identity.signingPublicKey()),
                    Hex.encode(identity.encryptionPublicKey()));
        }
    }

    /**
     * Pins every node of {@code dataDirs} at every other one, replacing an older pin of the same name
     * (the local cluster: its folders sit side by side in one home, so they are each other's authority).
     * Folders that are not node folders yet are skipped. Returns true when a roster changed.
     */
    public static boolean pinEachOther(List<Path> dataDirs) throws IOException {
        List<PeerEntry> entries = new ArrayList<>();
        List<Path> nodes = new ArrayList<>();
        for (Path d : dataDirs) {
            if (new NodeFiles(d).initialised()) {
                entries.add(own(d));
                nodes.add(d);
            }
        }
        boolean changed = false;
        for (int i = 0; i < nodes.size(); i++) {
            PeerRoster roster = new PeerRoster(new NodeFiles(nodes.get(i)));
            for (int j = 0; j < nodes.size(); j++) {
                if (i != j) {
                    changed |= roster.repin(entries.get(j));
                }
            }
        }
        return changed;
    }
}
