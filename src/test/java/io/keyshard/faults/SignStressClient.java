package io.keyshard.faults;

import com.fasterxml.jackson.databind.JsonNode;
import io.keyshard.bytes.Hex;
import io.keyshard.cli.KeyshardCommand;
import io.keyshard.json.StrictJson;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * The client process {@link SignKillStress} kills: runs {@code keyshard sign message --json} back to back (the
 * CLI's own code, in this JVM, over the keys in turn, random paths and messages); for a scheme that
 * {@linkplain SignScheme#makesKeys makes keys}, every fourth command is a {@code keyshard keygen} of a new key
 * on the scheme's curves whose first signing (right after it) runs the key's pairwise setup. Prints each
 * signature's JSON line as the CLI prints it, {@code KEY <keyId>} for a key made, and {@code EXIT <code>} after
 * each command. Arguments: home, password file, {@link SignScheme} name, keyIds (comma separated).
 */
public final class SignStressClient {
    private SignStressClient() {}

    public static void main(String[] args) throws Exception {
        SignScheme scheme = SignScheme.valueOf(args[2]);
        List<String> keys = new ArrayList<>(List.of(args[3].split(",")));
        SecureRandom random = new SecureRandom();
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        String fresh = null;
        for (int n = 0; ; n++) {
            if (scheme.makesKeys && n % 4 == 3) {
                StringWriter json = new StringWriter();
                int code = cli(
                        new PrintWriter(json, true),
                        err,
                        args,
                        "keygen",
                        "--curve",
                        scheme.curves.get(n % scheme.curves.size()).apiName(),
                        "--threshold",
                        "2",
                        "--servers",
                        String.join(",", NodeProcesses.NAMES),
                        "--json");
                out.println("EXIT " + code);
                if (code == 0) {
                    JsonNode k = StrictJson.mapper().readTree(json.toString());
                    fresh = k.get("keyId").asText();
                    keys.add(fresh);
                    out.println("KEY " + fresh);
                }
                continue;
            }
            byte[] message = new byte[1 + random.nextInt(64)];
            random.nextBytes(message);
            String key = fresh != null ? fresh : keys.get(n % keys.size());
            fresh = null;
            int code = cli(
                    out,
                    err,
                    args,
                    "sign",
                    "message",
                    "--key-id",
                    key,
                    "--path",
                    "m/" + (n % 50),
                    "--hex",
                    Hex.encode(message),
                    "--round-timeout",
                    Integer.toString(scheme.roundTimeoutSeconds),
                    "--json");
            out.println("EXIT " + code);
        }
    }

    private static int cli(PrintWriter out, PrintWriter err, String[] args, String... command) {
        CommandLine cl = KeyshardCommand.newCommandLine();
        cl.setOut(out);
        cl.setErr(err);
        List<String> all = new ArrayList<>(List.of("--home", args[0], "--password-file", args[1]));
        all.addAll(List.of(command));
        return cl.execute(all.toArray(String[]::new));
    }
}
