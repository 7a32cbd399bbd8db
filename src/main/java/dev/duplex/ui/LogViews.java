package dev.duplex.ui;

import dev.duplex.i18n.EventText;
import dev.duplex.i18n.Texts;
import dev.duplex.model.LogBuffer;
import dev.duplex.net.WsEvent;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyCodeCombination;

/**
 * Wires a virtualized {@link ListView} to a {@link LogBuffer}: the cells, the line count, auto-scroll and
 * copying the selected lines. Shared by the server and the client panes.
 */
final class LogViews {
    /** Pixels per log line: fits the 12px monospace font of duplex.css with its padding. */
    static final double LINE_HEIGHT = 20;

    private LogViews() { }

    static void bind(ListView<WsEvent> view, LogBuffer log, EventText.Side side, Texts texts, Label countLabel,
            CheckBox autoScroll) {
        EventText format = new EventText(texts);
        view.setItems(log.events());
        // One line per event at a fixed height: without it, VirtualFlow measures cells one by one to
        // find the end of the list, and a flood that scrolls to the end each batch freezes the window.
        view.setFixedCellSize(LINE_HEIGHT);
        dev.duplex.i18n.Help help = dev.duplex.i18n.Help.of(texts.locale());
        view.setCellFactory(v -> new LogCell(format, side, help));
        view.getSelectionModel().setSelectionMode(javafx.scene.control.SelectionMode.MULTIPLE);
        countLabel.textProperty().bind(Bindings.createStringBinding(
                () -> texts.get("log.count", log.events().size(), log.dropped()),
                log.events(), log.droppedProperty()));
        // Scroll once after the batch, not from inside the list change: the ListView's own listener may
        // not have seen the change yet, and a batch is two changes (the oldest lines out, the new ones in).
        boolean[] scrollPending = {false};
        log.events().addListener((ListChangeListener<WsEvent>) change -> {
            if (!autoScroll.isSelected() || scrollPending[0]) return;
            scrollPending[0] = true;
            Platform.runLater(() -> {
                scrollPending[0] = false;
                if (!log.events().isEmpty()) view.scrollTo(log.events().size() - 1);
            });
        });
        KeyCombination copy = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);
        view.setOnKeyPressed(key -> {
            if (copy.match(key)) {
                StringBuilder text = new StringBuilder();
                for (WsEvent e : view.getSelectionModel().getSelectedItems()) {
                    text.append(format.line(e, side)).append('\n');
                }
                ClipboardContent content = new ClipboardContent();
                content.putString(text.toString());
                Clipboard.getSystemClipboard().setContent(content);
                key.consume();
            }
        });
    }
}
