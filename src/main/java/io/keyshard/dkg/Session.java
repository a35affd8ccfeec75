package io.keyshard.dkg;

import io.keyshard.curve.Curve;
import io.keyshard.curve.CurveName;
import io.keyshard.ids.KeyIds;
import io.keyshard.ids.ServerNames;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A validated {@link SessionSetup}: the curve, the threshold, the participants in id order and the
 * sessionId that binds all of them. Both servers and the coordinator build one; any broken rule is
 * an {@link IllegalArgumentException} whose message says what to fix (never the keyId).
 */
public final class Session {
    /** A bound on the number of servers, so a request cannot make a server do unbounded work. */
    public static final int MAX_PARTICIPANTS = 32;

    public static final int NONCE_LENGTH = 32;
    static final int KEY_LENGTH = 32;

    private final String keyId;
    private final CurveName curveName;
    private final Curve curve;
    private final int threshold;
    private final List<Participant> participants;
    private final Map<Integer, Participant> byId;
    private final byte[] sessionId;

    private Session(SessionSetup s, CurveName curveName, List<Participant> sorted) {
        this.keyId = s.keyId();
        this.curveName = curveName;
        this.curve = curveName.curve();
        this.threshold = s.threshold();
        this.participants = Collections.unmodifiableList(sorted);
        Map<Integer, Participant> map = new LinkedHashMap<>();
        for (Participant p : sorted) {
            map.put(p.id(), p);
        }
        this.byId = Collections.unmodifiableMap(map);
        this.sessionId = computeSessionId(s.nonce());
    }

    /** Validates every rule of docs/protocol.md, The session, on the parameters and derives the sessionId. */
    public static Session of(SessionSetup setup) {
        if (setup == null) {
            throw new IllegalArgumentException("the key generation request is empty");
        }
        KeyIds.parse(setup.keyId());
        if (setup.nonce() == null || setup.nonce().length != NONCE_LENGTH) {
            throw new IllegalArgumentException("the session nonce must be " + NONCE_LENGTH + " random bytes");
        }
        CurveName curveName = CurveName.parse(setup.curve());
        List<Participant> list = setup.participants();
        if (list == null || list.size() < 2) {
            throw new IllegalArgumentException(
                    "a key generation needs at least 2 servers, got " + (list == null ? 0 : list.size()));
        }
        if (list.size() > MAX_PARTICIPANTS) {
            throw new IllegalArgumentException("at most " + MAX_PARTICIPANTS + " servers, got " + list.size());
        }
        int n = list.size();
        if (setup.threshold() < 2 || setup.threshold() > n) {
            throw new IllegalArgumentException(
                    "threshold must be between 2 and the number of servers (" + n + "), got " + setup.threshold());
        }
        List<Participant> sorted = new ArrayList<>();
        for (Participant p : list) {
            checkParticipant(p);
            sorted.add(new Participant(
                    p.name(), p.id(), p.signingKey().clone(), p.encryptionKey().clone()));
        }
        sorted.sort(Comparator.comparingInt(Participant::id));
        checkDistinct(sorted, curveName.curve().order());
        return new Session(setup, curveName, sorted);
    }

    /** Checks one server's name, id and identity keys by the rules of a setup (a node pinning a peer uses it). */
    public static void checkIdentity(Participant p) {
        checkParticipant(p);
    }

    private static void checkParticipant(Participant p) {
        if (p == null) {
            throw new IllegalArgumentException("a participant entry is empty");
        }
        ServerNames.require(p.name());
        if (p.id() <= 0) {
            throw new IllegalArgumentException("server " + p.name() + " has id " + p.id() + ": ids must be 1 or more");
        }
        ServerIds.idFor(p.name(), p.id());
        if (p.signingKey() == null
                || p.signingKey().length != KEY_LENGTH
                || KnownKeys.validSigningKey(p.signingKey()) == null) {
            throw new IllegalArgumentException("server " + p.name() + " has no valid Ed25519 signing key "
                    + "(32 bytes, a point of the prime-order group): fetch its identity again");
        }
        if (p.encryptionKey() == null
                || p.encryptionKey().length != KEY_LENGTH
                || !KnownKeys.validEncryptionKey(p.encryptionKey())) {
            throw new IllegalArgumentException("server " + p.name() + " has no valid X25519 encryption key "
                    + "(32 bytes, not a low-order point): fetch its identity again");
        }
    }

    private static void checkDistinct(List<Participant> sorted, BigInteger order) {
        Set<BigInteger> ids = new HashSet<>();
        Set<String> names = new HashSet<>();
        Set<String> keys = new HashSet<>();
        for (Participant p : sorted) {
            BigInteger id = BigInteger.valueOf(p.id()).mod(order);
            if (id.signum() == 0 || !ids.add(id)) {
                throw new IllegalArgumentException("server id " + p.id() + " is used twice (or is zero modulo the "
                        + "group order): every server needs its own non-zero id");
            }
            if (!names.add(p.name())) {
                throw new IllegalArgumentException("server " + p.name() + " is listed twice");
            }
            if (!keys.add(Arrays.toString(p.signingKey())) || !keys.add(Arrays.toString(p.encryptionKey()))) {
                throw new IllegalArgumentException("server " + p.name() + " shares an identity key with another "
                        + "server: every server needs its own identity");
            }
        }
    }

    private byte[] computeSessionId(byte[] nonce) {
        List<byte[]> f = new ArrayList<>();
        f.add(ProtocolHash.utf8(keyId));
        f.add(nonce.clone());
        f.add(ProtocolHash.utf8(curveName.apiName()));
        f.add(ProtocolHash.u32(threshold));
        f.add(ProtocolHash.u32(participants.size()));
        for (Participant p : participants) {
            f.add(ProtocolHash.u32(p.id()));
            f.add(ProtocolHash.utf8(p.name()));
            f.add(p.signingKey().clone());
            f.add(p.encryptionKey().clone());
        }
        return ProtocolHash.hash("session", f.toArray(new byte[0][]));
    }

    /** The 32-byte sessionId every message of this key generation carries and every signature covers. */
    public byte[] sessionId() {
        return sessionId.clone();
    }

    boolean isThisSession(byte[] id) {
        return id != null && MessageDigest.isEqual(id, sessionId);
    }

    public String keyId() {
        return keyId;
    }

    public CurveName curveName() {
        return curveName;
    }

    public Curve curve() {
        return curve;
    }

    public int threshold() {
        return threshold;
    }

    /** The participants in ascending id order. */
    public List<Participant> participants() {
        return participants;
    }

    public int size() {
        return participants.size();
    }

    /** The participant with this id, or null when it is not part of the session. */
    public Participant participant(int id) {
        return byId.get(id);
    }

    /** The participant with this name, or null. */
    public Participant participantNamed(String name) {
        for (Participant p : participants) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        return null;
    }
}
