package io.keyshard.payload.tron;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An AccountPermissionUpdateContract: it replaces who may sign for the account, all permissions at once. It is
 * how most Tron accounts are stolen (a site asks for a signature and makes its own key the owner), so the review
 * lists every key with its weight and says plainly when this key loses control.
 */
final class PermissionUpdate {
    private PermissionUpdate() {}

    static TronAction read(ProtoMessage m, String self) {
        String owner = TronAddress.of(m.bytes(1, "owner_address"), "owner address");
        byte[] ownerPermission = m.bytes(2, "owner permission");
        if (ownerPermission == null) {
            throw new IllegalArgumentException(
                    "the permission change gives no owner permission: the network refuses it");
        }
        List<TronAction.Line> lines = new ArrayList<>();
        Permission ownerP = Permission.read(ownerPermission, "the owner permission");
        lines.add(new TronAction.Line("Owner permission", ownerP.text(self)));
        byte[] witness = m.bytes(3, "witness permission");
        if (witness != null) {
            lines.add(new TronAction.Line(
                    "Witness permission",
                    Permission.read(witness, "the witness permission").text(self)));
        }
        for (byte[] active : m.repeated(4, "active permissions")) {
            Permission p = Permission.read(active, "an active permission");
            lines.add(new TronAction.Line("Active permission", p.text(self)));
        }
        List<String> warnings = new ArrayList<>();
        long weight = ownerP.weightOf(self);
        if (weight == 0) {
            warnings.add("after this transaction this key no longer controls " + owner + ": the new owner "
                    + "permission does not name it. Sign it only if you mean to hand the account to the keys above");
        } else if (weight < ownerP.threshold()) {
            warnings.add("after this transaction this key alone can no longer control " + owner + ": the keys "
                    + "above must sign with it");
        }
        warnings.add("this replaces every permission of the account: whoever holds the keys above controls it, and "
                + "the network charges a fee for the change (100 TRX on mainnet)");
        return new TronAction(
                "Change who controls the account",
                ContractType.ACCOUNT_PERMISSION_UPDATE.protoName(),
                owner,
                0,
                lines,
                warnings);
    }

    /** One permission (core/Tron.proto {@code Permission}): its threshold and weighted keys. */
    private record Permission(String name, long threshold, List<String> keys, List<Long> weights) {
        static Permission read(byte[] bytes, String what) {
            ProtoMessage m = ProtoMessage.parse(bytes, what, 1, 2, 3, 4, 5, 6, 7);
            m.int32(1, "type");
            m.int32(2, "id");
            m.int32(5, "parent_id");
            m.bytes(6, "operations");
            byte[] name = m.bytes(3, "permission_name");
            long threshold = TronContract.positive(m.nonNegative(4, "threshold"), "threshold of " + what);
            List<String> keys = new ArrayList<>();
            List<Long> weights = new ArrayList<>();
            for (byte[] k : m.repeated(7, "keys")) {
                ProtoMessage key = ProtoMessage.parse(k, "a key of " + what, 1, 2);
                keys.add(TronAddress.of(key.bytes(1, "address"), "key address"));
                weights.add(TronContract.positive(key.nonNegative(2, "weight"), "weight of a key"));
            }
            if (keys.isEmpty()) {
                throw new IllegalArgumentException(what + " names no key: nobody could sign for the account");
            }
            String text = name == null ? "" : new String(name, StandardCharsets.UTF_8);
            return new Permission(text, threshold, keys, weights);
        }

        long weightOf(String address) {
            long w = 0;
            for (int i = 0; i < keys.size(); i++) {
                w += keys.get(i).equals(address) ? weights.get(i) : 0;
            }
            return w;
        }

        String text(String self) {
            StringBuilder b = new StringBuilder();
            if (!name.isEmpty() && name.codePoints().allMatch(c -> c >= 0x20 && c != 0x7f)) {
                b.append('"').append(name).append("\", ");
            }
            b.append("threshold ").append(threshold).append(": ");
            for (int i = 0; i < keys.size(); i++) {
                b.append(i == 0 ? "" : ", ")
                        .append(TronContract.marked(keys.get(i), self))
                        .append(" weight ")
                        .append(weights.get(i));
            }
            return b.toString();
        }
    }
}
