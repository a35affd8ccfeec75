package io.keyshard.vault;

import java.nio.file.Path;

/**
 * The process {@link VaultCrashIT} kills. Modes:
 * {@code write HOME PASSWORD}: creates PENDING records (every third made READY) and prints each keyId
 * once createPending has returned, until killed;
 * {@code passwd HOME OLD NEW}: changes the password (halting at {@code -Dkeyshard.test.crashAt});
 * {@code hold HOME PASSWORD}: opens the vault, prints "open" and waits.
 */
public final class VaultCrashChild {
    private VaultCrashChild() {}

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[1]);
        switch (args[0]) {
            case "write" -> {
                try (Vault v = Vault.open(home, args[2].toCharArray())) {
                    System.out.println("open");
                    System.out.flush();
                    for (int i = 0; ; i++) {
                        KeyRecord r = VaultFixtures.pending("crash " + i);
                        v.createPending(r);
                        System.out.println(r.keyId());
                        System.out.flush();
                        if (i % 3 == 0) {
                            v.markReady(
                                    r.keyId(),
                                    VaultFixtures.rootKey(),
                                    VaultFixtures.chainCode(),
                                    VaultFixtures.shares());
                        }
                    }
                }
            }
            case "passwd" -> {
                try (Vault v = Vault.open(home, args[2].toCharArray())) {
                    System.out.println("open");
                    System.out.flush();
                    long start = System.nanoTime();
                    v.changePassword(args[2].toCharArray(), args[3].toCharArray());
                    System.out.println("changed in " + (System.nanoTime() - start) / 1_000_000);
                }
            }
            case "hold" -> {
                try (Vault v = Vault.open(home, args[2].toCharArray())) {
                    System.out.println("open");
                    System.out.flush();
                    Thread.sleep(60_000);
                }
            }
            default -> throw new IllegalArgumentException(args[0]);
        }
    }
}
