package io.keyshard.ui.keys;

import io.keyshard.vault.KeyRecord;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State of the Keys place: the keys from the vault, and whether "New key" can be offered.
 * "New key" is only shown when something can actually create a key (the wizard sets
 * {@link #newKeyActionProperty()}), so the screen never shows a button that does nothing.
 */
public final class KeysViewModel {
    private final ObservableList<KeyRecord> keys = FXCollections.observableArrayList();
    private final BooleanBinding empty = Bindings.isEmpty(keys);
    private final ObjectProperty<Runnable> newKeyAction = new SimpleObjectProperty<>(this, "newKeyAction");
    private final BooleanBinding newKeyAvailable = newKeyAction.isNotNull();

    /** The keys to list, as the vault holds them. */
    public ObservableList<KeyRecord> keys() {
        return keys;
    }

    /** True while there is no key to list: the screen then explains what a key is and how to make one. */
    public BooleanBinding emptyProperty() {
        return empty;
    }

    /** What "New key" does; null while this build cannot create keys from the app. */
    public ObjectProperty<Runnable> newKeyActionProperty() {
        return newKeyAction;
    }

    public BooleanBinding newKeyAvailableProperty() {
        return newKeyAvailable;
    }

    /** Starts creating a key; refuses when no action is set, rather than silently doing nothing. */
    public void newKey() {
        Runnable action = newKeyAction.get();
        if (action == null) {
            throw new IllegalStateException("creating a key is not available in this build");
        }
        action.run();
    }
}
