package io.keyshard.vault;

import io.keyshard.vault.VaultException.Reason;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Set;
import java.util.regex.Pattern;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.db.ValueDataType;
import org.h2.mvstore.tx.Transaction;
import org.h2.mvstore.tx.TransactionMap;
import org.h2.mvstore.tx.TransactionStore;
import org.h2.result.Row;
import org.h2.store.fs.encrypt.FilePathEncrypt;

/**
 * Refuses a vault database that could run code, before H2 opens it. Opening an H2 database replays
 * the SQL of every schema object kept in its meta table ({@code table.0}); a trigger or alias there
 * is compiled and instantiated during that replay, a linked table connects out, a view, default,
 * generated column or CHECK constraint evaluates expressions. So this class reads {@code table.0}
 * straight from the MVStore file, read-only, with no SQL engine, and accepts only the objects a
 * Keyshard vault consists of: one user, CREATE_BUILD, plain cached tables with plain columns
 * named in {@link #TABLES}, primary keys and unique indexes. Anything else is refused.
 */
final class SchemaGuard {
    private static final int TABLE_OR_VIEW = 0;
    private static final int INDEX = 1;
    private static final int USER = 2;
    private static final int CONSTRAINT = 5;
    private static final int SETTING = 6;

    static final Set<String> TABLES = Set.of("KEY_RECORDS", "META", "SECRETS", "SIGNATURES");

    private static final String ID = "\"[A-Z][A-Z0-9_]{0,62}\"";
    private static final String QID = "\"PUBLIC\"\\." + ID;
    private static final Pattern COLUMN =
            Pattern.compile("\\s*" + ID + " (UUID|BIGINT|INTEGER|BINARY VARYING|CHARACTER VARYING\\(\\d{1,4}\\))"
                    + "( SELECTIVITY \\d{1,3})?( NOT NULL)?"); // H2 records SELECTIVITY once a table has grown
    private static final Pattern TABLE_HEAD = Pattern.compile("CREATE CACHED TABLE \"PUBLIC\"\\.\"([A-Z_]+)\"\\(\n");
    private static final Pattern INDEX_SQL = Pattern.compile(
            "CREATE (PRIMARY KEY|UNIQUE INDEX|INDEX) " + QID + " ON " + QID + "\\(" + ID + "(, " + ID + ")*\\)");
    private static final Pattern CONSTRAINT_SQL = Pattern.compile("ALTER TABLE " + QID + " ADD CONSTRAINT " + QID
            + " (PRIMARY KEY|UNIQUE)\\(" + ID + "(, " + ID + ")*\\)( INDEX " + QID + ")?");
    private static final Pattern USER_SQL =
            Pattern.compile("CREATE USER IF NOT EXISTS " + ID + " SALT '[0-9a-f]+' HASH '[0-9a-f]+' ADMIN");
    private static final Pattern SETTING_SQL = Pattern.compile("SET (CREATE_BUILD|WRITE_DELAY) \\d+");

    private SchemaGuard() {}

    /** Throws HOSTILE naming the first object that is not part of a Keyshard vault. */
    static void check(Path dbFile, char[] filePassword) {
        byte[] keyBytes = FilePathEncrypt.getPasswordBytes(filePassword);
        char[] storeKey = storeKey(keyBytes);
        Arrays.fill(keyBytes, (byte) 0);
        MVStore store;
        try {
            store = new MVStore.Builder()
                    .fileName(dbFile.toString())
                    .encryptionKey(storeKey)
                    .readOnly()
                    .open();
        } catch (RuntimeException e) {
            throw damaged();
        } finally {
            Arrays.fill(storeKey, '\0');
        }
        try {
            TransactionStore ts = new TransactionStore(store, new ValueDataType());
            ts.init();
            Transaction tx = ts.begin();
            TransactionMap<Object, Object> meta = tx.openMap("table.0");
            int users = 0;
            for (Iterator<Object> it = meta.keyIterator(null); it.hasNext(); ) {
                Row row = (Row) meta.get(it.next());
                int type = row.getValue(2).getInt();
                String sql = row.getValue(3).getString();
                if (type == USER) {
                    users++;
                }
                if (!allowed(type, sql) || users > 1) {
                    throw new VaultException(
                            Reason.HOSTILE,
                            "refused to open the vault: its database defines "
                                    + describe(type) + ", which a Keyshard vault never has (a file from outside?); "
                                    + "nothing in it was run");
                }
            }
        } catch (VaultException e) {
            throw e;
        } catch (RuntimeException e) {
            throw damaged();
        } finally {
            store.close();
        }
    }

    private static boolean allowed(int type, String sql) {
        switch (type) {
            case SETTING:
                return SETTING_SQL.matcher(sql).matches();
            case USER:
                return USER_SQL.matcher(sql).matches();
            case INDEX:
                return INDEX_SQL.matcher(sql).matches();
            case CONSTRAINT:
                return CONSTRAINT_SQL.matcher(sql).matches();
            case TABLE_OR_VIEW:
                return plainTable(sql);
            default:
                return false;
        }
    }

    private static boolean plainTable(String sql) {
        var head = TABLE_HEAD.matcher(sql);
        if (!head.lookingAt() || !TABLES.contains(head.group(1)) || !sql.endsWith("\n)")) {
            return false;
        }
        String body = sql.substring(head.end(), sql.length() - 2);
        for (String column : body.split(",\n")) {
            if (!COLUMN.matcher(column).matches()) {
                return false;
            }
        }
        return true;
    }

    private static String describe(int type) {
        switch (type) {
            case TABLE_OR_VIEW:
                return "a view, linked table or table that is not plain data";
            case INDEX:
                return "an unexpected index";
            case USER:
                return "an extra database user";
            case 3:
                return "a sequence";
            case 4:
                return "a trigger";
            case CONSTRAINT:
                return "a constraint that evaluates expressions";
            case SETTING:
                return "an unexpected database setting";
            case 9:
                return "a function alias";
            case 12:
                return "a domain";
            case 14:
                return "a user-defined aggregate";
            case 15:
                return "a synonym";
            default:
                return "a schema object of kind " + type;
        }
    }

    /** The same transformation H2's Store applies to the file password before MVStore sees it. */
    private static char[] storeKey(byte[] key) {
        char[] out = new char[key.length / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (char) (((key[i + i] & 255) << 16) | (key[i + i + 1] & 255));
        }
        return out;
    }

    private static VaultException damaged() {
        return new VaultException(
                Reason.DAMAGED,
                "the vault database vault/" + VaultFiles.DB_FILE
                        + " is damaged or does not belong to this header; restore it from a backup (keyshard vault import)");
    }
}
