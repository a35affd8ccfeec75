package io.keyshard.derive;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A non-hardened derivation path relative to the key it starts from ({@code m} = that key), e.g.
 * {@code m/44/60/0/0/5}. {@link #parse(String)} explains exactly what is wrong with a bad path.
 */
public final class DerivationPath {
    /** BIP-32 stores the depth in one byte, so no key can be more than 255 levels below a root. */
    public static final int MAX_DEPTH = 255;
    /** Indices at or above this are hardened, which needs the private key. */
    public static final long HARDENED = 0x8000_0000L;
    /** The path to the starting key itself. */
    public static final DerivationPath ROOT = new DerivationPath(List.of());

    private static final String EXAMPLE = "write it like m/44/60/0/0/0";
    private static final String WHY_NOT_HARDENED =
            "MPC keys can only derive without the private key, " + "so every level must be a plain index below 2^31";

    /** Why these paths differ from a seed wallet's, said once where a user meets a path (CLI help, the pipeline). */
    public static final String NOT_SEED_WALLET_PATHS = "Every level here is non-hardened: m/44/60/0/0/0 is not "
            + "m/44'/60'/0'/0/0, so the addresses differ from those MetaMask, Ledger or Electrum derive from a seed. "
            + "MPC keys derive without the private key, which hardened steps need.";

    private final List<Integer> indices;

    private DerivationPath(List<Integer> indices) {
        this.indices = indices;
    }

    /** A path from indices, each checked like a parsed one. */
    public static DerivationPath of(int... indices) {
        if (indices.length > MAX_DEPTH) {
            throw new IllegalArgumentException(tooDeep(indices.length));
        }
        List<Integer> list = new ArrayList<>(indices.length);
        for (int i = 0; i < indices.length; i++) {
            if (indices[i] < 0) {
                throw new IllegalArgumentException("level " + (i + 1) + " index " + Integer.toUnsignedString(indices[i])
                        + " is hardened (2^31 or more): " + WHY_NOT_HARDENED);
            }
            list.add(indices[i]);
        }
        return new DerivationPath(Collections.unmodifiableList(list));
    }

    /** Parses {@code m} or {@code m/i1/i2/...}; every problem is reported with the level it is in. */
    public static DerivationPath parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("derivation path is empty: " + EXAMPLE);
        }
        String s = text.strip();
        if (s.charAt(0) != 'm' && s.charAt(0) != 'M') {
            throw new IllegalArgumentException(
                    "derivation path '" + s + "' must start with 'm' (the key it " + "starts from): " + EXAMPLE);
        }
        if (s.length() == 1) {
            return ROOT;
        }
        if (s.charAt(1) != '/') {
            throw new IllegalArgumentException("derivation path '" + s + "': expected '/' after 'm': " + EXAMPLE);
        }
        String[] parts = s.substring(2).split("/", -1);
        if (parts.length > MAX_DEPTH) {
            throw new IllegalArgumentException(tooDeep(parts.length));
        }
        List<Integer> list = new ArrayList<>(parts.length);
        for (int level = 1; level <= parts.length; level++) {
            list.add(parseLevel(s, level, parts[level - 1]));
        }
        return new DerivationPath(Collections.unmodifiableList(list));
    }

    private static int parseLevel(String path, int level, String part) {
        String where = "derivation path '" + path + "', level " + level;
        if (part.isEmpty()) {
            throw new IllegalArgumentException(where + " is empty (two '/' in a row or a '/' at the end): " + EXAMPLE);
        }
        char last = part.charAt(part.length() - 1);
        if (last == '\'' || last == 'h' || last == 'H') {
            String plain = part.substring(0, part.length() - 1);
            throw new IllegalArgumentException(where + " '" + part + "' is hardened: hardened steps (" + part
                    + ") cannot be derived by MPC keys, which " + WHY_NOT_HARDENED.replaceFirst("^MPC keys ", "")
                    + ": write " + plain);
        }
        if (part.charAt(0) == '+' || part.charAt(0) == '-') {
            throw new IllegalArgumentException(
                    where + " '" + part + "' has a sign: an index is a plain number " + "from 0 to 2147483647");
        }
        for (int k = 0; k < part.length(); k++) {
            char c = part.charAt(k);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException(where + " '" + part + "' is not a number (character '" + c + "' at "
                        + (k + 1) + "): an index is a plain number from 0 to 2147483647");
            }
        }
        if (part.length() > 1 && part.charAt(0) == '0') {
            throw new IllegalArgumentException(
                    where + " '" + part + "' has a leading zero: write " + part.replaceFirst("^0+(?=.)", ""));
        }
        if (part.length() > 10 || Long.parseLong(part) >= HARDENED) {
            throw new IllegalArgumentException(
                    where + " '" + part + "' is 2^31 or more: such indices are hardened; " + WHY_NOT_HARDENED);
        }
        return Integer.parseInt(part);
    }

    private static String tooDeep(int levels) {
        return "derivation path has " + levels + " levels; at most " + MAX_DEPTH
                + " (BIP-32 keeps the depth in one byte)";
    }

    /** The indices from the starting key down, each below 2^31. */
    public List<Integer> indices() {
        return indices;
    }

    public int depth() {
        return indices.size();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DerivationPath p && p.indices.equals(indices);
    }

    @Override
    public int hashCode() {
        return indices.hashCode();
    }

    /** The canonical text form, {@code m} or {@code m/44/60/0/0/5}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("m");
        for (int i : indices) {
            sb.append('/').append(i);
        }
        return sb.toString();
    }

    /**
     * The seed-wallet form of a five-level BIP-44 style path (purpose, coin type and account hardened),
     * e.g. m/44'/60'/0'/0/0 for m/44/60/0/0/0; null for other shapes, which have no such counterpart.
     */
    public static String seedWalletForm(String path) {
        String[] parts = path.split("/");
        if (parts.length != 6 || !"m".equals(parts[0])) {
            return null;
        }
        return "m/" + parts[1] + "'/" + parts[2] + "'/" + parts[3] + "'/" + parts[4] + "/" + parts[5];
    }
}
