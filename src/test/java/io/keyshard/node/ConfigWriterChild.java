package io.keyshard.node;

import io.keyshard.client.ServerInfo;
import io.keyshard.client.ServersConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;

/**
 * Test-only main: a process that, once {@code args[1]} exists, makes {@code args[3]} changes to a config
 * file and prints what it added, one per line. {@code args[0]} is {@code clients} (adds clients to the
 * node folder {@code args[2]}) or {@code servers} (adds servers named {@code args[4]}-N to
 * {@code <args[2]>/servers.json}).
 */
public final class ConfigWriterChild {
    private ConfigWriterChild() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        Path go = Path.of(args[1]);
        Path dir = Path.of(args[2]);
        int count = Integer.parseInt(args[3]);
        System.out.println("ready");
        System.out.flush();
        while (!Files.exists(go)) {
            Thread.sleep(2);
        }
        SecureRandom random = new SecureRandom();
        ClientRegistry clients = new ClientRegistry(new NodeFiles(dir));
        for (int i = 0; i < count; i++) {
            if (args[0].equals("clients")) {
                System.out.println(clients.add(random).clientId());
            } else {
                String name = args[4] + "-" + i;
                ServerInfo info = new ServerInfo("https://127.0.0.1:" + (1000 + i), 1 + i, "ab".repeat(32), false);
                ServersConfig.update(dir, c -> c.with(name, info));
                System.out.println(name);
            }
        }
        System.out.flush();
    }
}
