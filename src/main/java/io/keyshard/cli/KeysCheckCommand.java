package io.keyshard.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keyshard.ExitCoded;
import io.keyshard.client.KeyHealth;
import io.keyshard.ids.KeyIds;
import io.keyshard.json.StrictJson;
import java.io.PrintWriter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code keyshard keys check [ID] [--json]}: asks every server of every READY key whether it still
 * holds its share (docs/cli.md). Exit 0 when every key is healthy, 4 when any is degraded, unusable or
 * unknown (a server did not answer: exit 4 is also "a server unreachable"; the output says which).
 */
@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        description = "Is every share still held? healthy / degraded / unusable / unknown per READY key"
                + " (exit 4 if any key is not healthy).")
final class KeysCheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ID", arity = "0..1", description = "Check only this key (its keyId).")
    String id;

    @Option(names = "--json", description = "Print {\"keys\": [...]} as one JSON object on stdout.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        UUID keyId = null;
        if (id != null) {
            try {
                keyId = KeyIds.parseTyped(id);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("ID is not a keyId: give the UUID shown by keyshard keys list");
            }
        }
        try (CliVault.Opened opened = CliVault.workspace(spec)) {
            if (keyId != null) {
                CliVault.key(opened.workspace(), keyId);
            }
            List<KeyHealth> health = keyId == null
                    ? opened.workspace().keyHealth()
                    : List.of(opened.workspace().keyHealth(keyId));
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (json) {
                out.println(StrictJson.pretty().writeValueAsString(toJson(health)));
            } else if (health.isEmpty()) {
                err.println("The vault holds no READY key: there is no share to check.");
            } else {
                out.printf("%-36s  %-20s  %-5s  %-9s  %s%n", "KEY ID", "LABEL", "T/N", "HEALTH", "DETAIL");
                for (KeyHealth h : health) {
                    out.printf(
                            "%-36s  %-20s  %-5s  %-9s  %s%n",
                            h.keyId(),
                            cut(h.label()),
                            h.threshold() + "/" + h.servers().size(),
                            h.state().word(),
                            h.summary());
                }
            }
            out.flush();
            Set<String> silent = new LinkedHashSet<>();
            health.forEach(h -> silent.addAll(h.serversWith(KeyHealth.Share.UNKNOWN)));
            if (!silent.isEmpty()) {
                err.println("note: " + String.join(", ", silent) + " did"
                        + " not answer; the shares there are unknown, not lost"
                        + " (keyshard servers check says why)");
            }
            long bad = health.stream()
                    .filter(h -> h.state() != KeyHealth.State.HEALTHY)
                    .count();
            if (bad > 0) {
                err.println(bad + " of " + health.size() + " key" + (health.size() == 1 ? "" : "s")
                        + " not healthy: a key whose share a server lost runs with fewer spare servers;"
                        + " move funds off an unusable or degraded key while it can still sign");
                return ExitCoded.SERVER;
            }
            return KeysCommand.warnAbout(opened.workspace().problems(), spec);
        }
    }

    /** {@code {"keys": [{keyId, label, threshold, state, canStillLose, servers: [{name, share, detail}]}]}}. */
    static ObjectNode toJson(List<KeyHealth> health) {
        ObjectNode root = StrictJson.mapper().createObjectNode();
        ArrayNode keys = root.putArray("keys");
        for (KeyHealth h : health) {
            ObjectNode k = keys.addObject();
            k.put("keyId", h.keyId().toString());
            k.put("label", h.label());
            k.put("threshold", h.threshold());
            k.put("state", h.state().word());
            k.put("canStillLose", h.canStillLose());
            k.put("summary", h.summary());
            ArrayNode servers = k.putArray("servers");
            for (KeyHealth.ServerShare s : h.servers()) {
                servers.addObject()
                        .put("name", s.name())
                        .put("share", s.share().word())
                        .put("detail", s.detail());
            }
        }
        return root;
    }

    private static String cut(String label) {
        return label.length() <= 20 ? label : label.substring(0, 19) + "…";
    }
}
