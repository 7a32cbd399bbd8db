package dev.duplex.ui;

import dev.duplex.i18n.Texts;
import dev.duplex.model.Notice;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;

/** Shows a model's {@link Notice} in a label, in the current language; the label is hidden when there is none. */
public final class Notices {
    private Notices() { }

    public static void bind(Label label, ObservableValue<Notice> notice, Texts texts) {
        label.textProperty().bind(Bindings.createStringBinding(() -> {
            Notice n = notice.getValue();
            return n == null ? "" : texts.get(n.key(), n.args().toArray());
        }, notice));
        label.visibleProperty().bind(Bindings.createBooleanBinding(() -> notice.getValue() != null, notice));
        label.managedProperty().bind(label.visibleProperty());
    }
}
