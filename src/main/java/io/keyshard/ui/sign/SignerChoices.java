package io.keyshard.ui.sign;

import io.keyshard.client.ServerStatus;
import io.keyshard.ui.wizard.ServerChoice;
import io.keyshard.vault.KeyRecord;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.Observable;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The key's servers offered as signers, in the key's order, each with its health; by default the first t
 * that answer are ticked. Says what is wrong with a choice (fewer than t, a server that does not answer).
 */
final class SignerChoices {
    private final KeyRecord key;
    private final ObservableList<ServerChoice> choices =
            FXCollections.observableArrayList(c -> new Observable[] {c.selectedProperty(), c.statusProperty()});

    SignerChoices(KeyRecord key) {
        this.key = key;
    }

    /** Lists the key's servers with {@code statuses}; a server servers.json no longer lists shows as such. */
    void show(List<ServerStatus> statuses) {
        Map<String, ServerStatus> byName =
                statuses.stream().collect(Collectors.toMap(ServerStatus::name, Function.identity(), (a, b) -> a));
        if (choices.isEmpty()) {
            int ticked = 0;
            for (String name : key.servers()) {
                ServerStatus s = status(name, byName);
                boolean pick = s.ok() && ticked < key.threshold();
                ticked += pick ? 1 : 0;
                ServerChoice c = new ServerChoice(name, s.local(), pick);
                c.statusProperty().set(s);
                choices.add(c);
            }
            return;
        }
        choices.forEach(c -> c.statusProperty().set(status(c.name(), byName)));
    }

    /** Forgets the health (while a new check runs); the ticks stay. */
    void checking() {
        choices.forEach(c -> c.statusProperty().set(null));
    }

    private static ServerStatus status(String name, Map<String, ServerStatus> byName) {
        ServerStatus s = byName.get(name);
        return s != null
                ? s
                : new ServerStatus(
                        name, null, 0, null, false, false, null, "no longer in servers.json: add it again to sign");
    }

    /** The ticked servers, in the key's order. */
    List<String> chosen() {
        return choices.stream()
                .filter(c -> c.selectedProperty().get())
                .map(ServerChoice::name)
                .toList();
    }

    /** What keeps the choice from signing, or null when it can sign. */
    String problem() {
        if (choices.isEmpty()
                || choices.stream().anyMatch(c -> c.statusProperty().get() == null)) {
            return "Checking the key's servers…";
        }
        int t = key.threshold();
        long answering =
                choices.stream().filter(c -> c.statusProperty().get().ok()).count();
        if (answering < t) {
            return "Only " + answering + " of the key's " + key.servers().size() + " servers answer"
                    + "; signing needs " + t + ". Start the others (Servers screen), then Check again.";
        }
        List<String> down = choices.stream()
                .filter(c -> c.selectedProperty().get() && c.knownDown())
                .map(ServerChoice::name)
                .toList();
        if (!down.isEmpty()) {
            return String.join(", ", down) + (down.size() == 1 ? " does" : " do")
                    + " not answer: untick it and tick a server that answers.";
        }
        int n = chosen().size();
        if (n < t) {
            return "Tick at least " + t + " servers: this key needs " + t + " of its "
                    + key.servers().size() + " servers to sign (" + n + " ticked).";
        }
        return null;
    }

    ObservableList<ServerChoice> list() {
        return choices;
    }
}
