package dev.duplex.ui.log;

import dev.duplex.i18n.EventText;
import dev.duplex.i18n.Help;
import dev.duplex.i18n.Texts;
import dev.duplex.model.LogBuffer;
import dev.duplex.net.WsEvent;
import dev.duplex.ui.Fxml;
import dev.duplex.ui.ThisPulse;
import dev.duplex.ui.message.MessagePanel;
import dev.duplex.ui.PacedList;
import dev.duplex.ui.ViewSubscriptions;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;

/**
 * One side's log: a virtualized list over a {@link LogBuffer} with its cells, the line count, auto-scroll,
 * copying the selected lines, Clear, and the chosen message shown whole under the list. Included by the server and the client panes, which hand it their
 * log with {@link #bind}.
 */
public final class LogController {
    /** Pixels per log line: fits the 12px monospace font of duplex.css with its padding. */
    public static final double LINE_HEIGHT = 20;

    private final Texts texts;
    private final ViewSubscriptions subscriptions;
    private Runnable clear = () -> { };
    /** Whether the log is on screen: hidden, its list holds its updates (kept: it holds the listeners). */
    private Showing showing;

    @FXML private HBox toolbar;
    @FXML private ListView<WsEvent> logView;
    @FXML private Label logCountLabel;
    @FXML private CheckBox autoScrollBox;
    @FXML private CheckBox messageViewBox;
    @FXML private SplitPane logSplit;
    /** The chosen message, whole, under the list. */
    private MessagePanel message;

    public LogController(Texts texts, ViewSubscriptions subscriptions) {
        this.texts = texts;
        this.subscriptions = subscriptions;
    }

    /** Shows this log, read from {@code side}; {@code clear} is what Clear does. Called once by the pane. */
    public void bind(LogBuffer log, EventText.Side side, Runnable clear) {
        this.clear = clear;
        EventText format = new EventText(texts);
        // The list on screen follows the log at most ten times a second (see PacedList); the count with it.
        PacedList<WsEvent> lines = new PacedList<>(log.events());
        logView.setItems(lines);
        showing = Showing.of(logView);
        subscriptions.onValue(showing.showingProperty(), lines::setOnScreen);
        // One line per event at a fixed height: without it, VirtualFlow measures cells one by one to
        // find the end of the list, and a flood that scrolls to the end each batch freezes the window.
        logView.setFixedCellSize(LINE_HEIGHT);
        Help help = Help.of(texts.locale());
        logView.setCellFactory(v -> new LogCell(format, side, help));
        logView.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        logCountLabel.textProperty().bind(Bindings.createStringBinding(
                () -> texts.get("log.count", lines.size(), log.dropped()), lines));
        // Scrolled in the pulse the lines changed in, before its layout: laid out and painted once.
        boolean[] scrollPending = {false};
        subscriptions.onListChange(lines, (ListChangeListener<WsEvent>) change -> {
            if (!autoScrollBox.isSelected() || scrollPending[0]) return;
            scrollPending[0] = true;
            ThisPulse.beforeLayout(logView, () -> {
                scrollPending[0] = false;
                if (!lines.isEmpty()) logView.scrollTo(lines.size() - 1);
            });
        });
        // The horizontal scroll bar comes with the first line wider than the list, in the layout after the
        // scroll, and covers the newest line: scroll again once it shows.
        logView.skinProperty().subscribe(skin -> {
            for (Node bar : logView.lookupAll(".scroll-bar")) {
                if (bar instanceof ScrollBar s && s.getOrientation() == Orientation.HORIZONTAL) {
                    subscriptions.onChange(s.visibleProperty(), (was, shows) -> {
                        if (shows && autoScrollBox.isSelected() && !lines.isEmpty()) {
                            ThisPulse.beforeLayout(logView, () -> logView.scrollTo(lines.size() - 1));
                        }
                    });
                }
            }
        });
        showMessages(lines);
        KeyCombination copy = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);
        logView.setOnKeyPressed(key -> {
            if (copy.match(key)) {
                StringBuilder text = new StringBuilder();
                for (WsEvent e : logView.getSelectionModel().getSelectedItems()) {
                    text.append(format.line(e, side)).append('\n');
                }
                ClipboardContent content = new ClipboardContent();
                content.putString(text.toString());
                Clipboard.getSystemClipboard().setContent(content);
                key.consume();
            }
        });
    }

    /** The message view follows the line chosen last, while its box is ticked. */
    private void showMessages(PacedList<WsEvent> lines) {
        // The log keeps a third: the message is what the person asked to read.
        message = new MessagePanel(texts, logSplit, 0.35);
        Runnable follow = () -> {
            if (messageViewBox.isSelected()) message.show(lines, logView.getSelectionModel().getSelectedIndex());
            else message.hide();
        };
        subscriptions.onValue(logView.getSelectionModel().selectedIndexProperty(), index -> follow.run());
        subscriptions.onValue(messageViewBox.selectedProperty(), shown -> follow.run());
    }

    /** Puts a pane's own control (the client's File menu) first in the log's toolbar. */
    public void lead(Node control) {
        toolbar.getChildren().add(0, control);
    }

    @FXML
    private void clear() {
        clear.run();
    }
}
