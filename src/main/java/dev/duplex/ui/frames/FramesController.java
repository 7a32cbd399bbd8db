package dev.duplex.ui.frames;

import static dev.duplex.ui.frames.FrameText.frame;

import java.util.List;
import java.util.function.Function;
import java.util.regex.PatternSyntaxException;

import dev.duplex.i18n.EventText;
import dev.duplex.i18n.Help;
import dev.duplex.i18n.Texts;
import dev.duplex.model.FrameTotals;
import dev.duplex.model.LogBuffer;
import dev.duplex.net.WsEvent;
import dev.duplex.net.wire.FrameInfo;
import dev.duplex.protocol.PayloadCodec;
import dev.duplex.ui.EnumNames;
import dev.duplex.ui.log.LogController;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;

import javafx.collections.transformation.FilteredList;
import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * The frame inspector, one per side: a table of frames with filters by direction and kind, a plain or
 * regular-expression search, copy, auto-scroll, running totals, a hex dump of the selected frame, and the
 * message it belongs to in the message view.
 * Which frames show is {@link FrameFilter}'s to say, how they read {@link FrameText}'s. Included by the
 * server and client panes, which hand it their frames with {@link #bind}.
 */
public final class FramesController {
    @FXML private ComboBox<FrameFilter.Way> directionBox;
    @FXML private ComboBox<FrameFilter.Kind> kindBox;
    @FXML private TextField searchField;
    @FXML private CheckBox regexBox;
    @FXML private Label searchNotice;
    @FXML private Label totalsLabel;
    @FXML private CheckBox autoScrollBox;
    @FXML private TableView<WsEvent> table;
    @FXML private TableColumn<WsEvent, String> timeColumn;
    @FXML private TableColumn<WsEvent, String> directionColumn;
    @FXML private TableColumn<WsEvent, String> opcodeColumn;
    @FXML private TableColumn<WsEvent, String> finColumn;
    @FXML private TableColumn<WsEvent, String> rsvColumn;
    @FXML private TableColumn<WsEvent, String> maskColumn;
    @FXML private TableColumn<WsEvent, String> payloadColumn;
    @FXML private TableColumn<WsEvent, String> wireColumn;
    @FXML private TableColumn<WsEvent, String> previewColumn;
    @FXML private TextArea detailArea;
    @FXML private javafx.scene.control.SplitPane detailSplit;

    private final Texts texts;
    private final EventText format;
    private final FrameText text;
    private final Help help;
    private FilteredList<WsEvent> shown;
    /** Kept: it holds the listeners that hand the table its rows. */
    private FrameRows rows;

    public FramesController(Texts texts) {
        this.texts = texts;
        this.format = new EventText(texts);
        this.text = new FrameText(texts);
        this.help = Help.of(texts.locale());
    }

    /** Shows these frames; called once by the pane that includes this view. */
    public void bind(LogBuffer frames, FrameTotals totals) {
        // A view of the pane's list (which it holds weakly): filtering it leaves the model's list alone.
        shown = new FilteredList<>(frames.events(), e -> true);
        rows = new FrameRows(table, shown, autoScrollBox);
        table.setFixedCellSize(LogController.LINE_HEIGHT + 2);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPlaceholder(new Label(texts.get("frames.none")));

        directionBox.getItems().setAll(FrameFilter.Way.values());
        directionBox.setConverter(EnumNames.converter(texts, "frames.way."));
        directionBox.setValue(FrameFilter.Way.ALL);
        kindBox.getItems().setAll(FrameFilter.Kind.values());
        kindBox.setConverter(EnumNames.converter(texts, "frames.kind."));
        kindBox.setValue(FrameFilter.Kind.ALL);
        directionBox.valueProperty().addListener((o, a, b) -> refilter());
        kindBox.valueProperty().addListener((o, a, b) -> refilter());
        searchField.textProperty().addListener((o, a, b) -> refilter());
        regexBox.selectedProperty().addListener((o, a, b) -> refilter());
        searchNotice.managedProperty().bind(searchNotice.visibleProperty());
        searchNotice.setVisible(false);

        bindColumns();
        totalsLabel.textProperty().bind(Bindings.createStringBinding(() -> texts.get("frames.totals",
                totals.inFrames(), totals.inBytes(), totals.outFrames(), totals.outBytes()), totals.changed()));

        // The frame's bytes, and beside them the message it belongs to, once that is whole, in the message view.
        dev.duplex.ui.message.MessagePanel message = new dev.duplex.ui.message.MessagePanel(texts, detailSplit, 0.45);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, e) -> {
            detailArea.setText(text.detail(e, frames.events()));
            List<WsEvent> whole = e == null ? List.of() : dev.duplex.model.message.FrameMessage.of(frames.events(),
                    frames.events().indexOf(e)).flatMap(dev.duplex.model.message.FrameMessage::asEvent).map(List::of).orElse(List.of());
            message.show(whole, 0);
        });
        KeyCombination copyKeys = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);
        table.setOnKeyPressed(key -> {
            if (copyKeys.match(key)) {
                copy();
                key.consume();
            }
        });
    }

    private void bindColumns() {
        column(timeColumn, e -> EventText.time(e.at()));
        column(directionColumn, e -> frame(e).inbound() ? "←" : "→");
        column(opcodeColumn, e -> frame(e).opcodeName());
        column(finColumn, e -> frame(e).fin() ? "1" : "0");
        column(rsvColumn, e -> FrameText.bits(frame(e)));
        column(maskColumn, e -> frame(e).masked() ? PayloadCodec.hex(frame(e).maskKey()).replace(" ", "") : "—");
        column(payloadColumn, e -> Long.toString(frame(e).payloadLength()));
        column(wireColumn, e -> Long.toString(frame(e).wireLength()));
        column(previewColumn, e -> text.preview(frame(e)));
        // Hover an opcode or a close frame for its meaning from RFC 6455.
        opcodeColumn.setCellFactory(c -> new FrameCell(f -> help.opcode(f.opcode())));
        previewColumn.setCellFactory(c -> new FrameCell(f -> f.opcode() == FrameInfo.CLOSE && f.payload().length >= 2
                ? help.closeCode(f.closeCode()) : ""));
        tip(finColumn, help.bit("fin"));
        tip(rsvColumn, help.bit("rsv"));
        tip(maskColumn, help.bit("mask"));
    }

    private static void tip(TableColumn<?, ?> column, String text) {
        Label header = new Label(column.getText());
        header.setTooltip(new Tooltip(text));
        column.setText(null);
        column.setGraphic(header);
    }

    private static void column(TableColumn<WsEvent, String> column, Function<WsEvent, String> value) {
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setCellFactory(c -> new FrameCell(null));
    }

    private void refilter() {
        try {
            shown.setPredicate(FrameFilter.of(directionBox.getValue(), kindBox.getValue(), searchField.getText(),
                    regexBox.isSelected(), format));
            searchNotice.setVisible(false);
        } catch (PatternSyntaxException bad) {
            searchNotice.setText(texts.get("frames.badRegex", bad.getDescription()));
            searchNotice.setVisible(true);
        }
    }

    /** Copies the selected rows (or every shown row when none is selected) as lines of text. */
    @FXML
    private void copy() {
        List<WsEvent> rows = table.getSelectionModel().getSelectedItems().isEmpty() ? shown
                : table.getSelectionModel().getSelectedItems();
        StringBuilder lines = new StringBuilder();
        for (WsEvent e : rows) lines.append(text.line(e)).append('\n');
        ClipboardContent content = new ClipboardContent();
        content.putString(lines.toString());
        Clipboard.getSystemClipboard().setContent(content);
    }
}
