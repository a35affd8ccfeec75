package io.keyshard.ui.common;

import java.util.function.Function;
import javafx.util.StringConverter;

/** Shows the items of a combo box that is not editable by a title of each; nothing is ever typed back into one. */
public final class TitleConverter<T> extends StringConverter<T> {
    private final Function<T, String> title;

    public TitleConverter(Function<T, String> title) {
        this.title = title;
    }

    @Override
    public String toString(T item) {
        return item == null ? "" : title.apply(item);
    }

    @Override
    public T fromString(String text) {
        return null;
    }
}
