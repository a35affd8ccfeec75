package io.keyshard.faults;

import io.keyshard.bytes.Hex;
import io.keyshard.cli.KeyshardCommand;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import picocli.CommandLine;

/**
 * The client process {@link SignKillStress} kills: runs {@code keyshard sign message --json} back to back
 * (the CLI's own code, in this JVM, over the keys in turn), its JSON lines on stdout as the CLI prints
 * them, then {@code EXIT <code>}. Arguments: home, password file, keyIds (comma separated).
 */
public final class SignStressClient {
    private SignStressClient() {}

    public static void main(String[] args) {
        List<String> keys = List.of(args[2].split(","));
        SecureRandom random = new SecureRandom();
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        for (int n = 0; ; n++) {
            byte[] message = new byte[1 + random.nextInt(64)];
            random.nextBytes(message);
            CommandLine cl = KeyshardCommand.newCommandLine();
            cl.setOut(out);
            cl.setErr(err);
            int code = cl.execute(
                    "--home",
                    args[0],
                    "--password-file",
                    args[1],
                    "sign",
                    "message",
                    "--key-id",
                    keys.get(n % keys.size()),
                    "--path",
                    "m/" + (n % 50),
                    "--hex",
                    Hex.encode(message),
                    "--round-timeout",
                    "20",
                    "--json");
            out.println("EXIT " + code);
        }
    }
}
