package dev.duplex.ui;

import dev.duplex.i18n.Texts;
import javafx.util.StringConverter;

/** Shows an enum's constants in a choice box by their words in the bundle: {@code prefix + NAME}. */
public final class EnumNames {
    private EnumNames() { }

    public static <T extends Enum<T>> StringConverter<T> converter(Texts texts, String prefix) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : texts.get(prefix + value.name());
            }

            @Override
            public T fromString(String s) {
                return null; // the boxes are not editable
            }
        };
    }
}
