package dev.duplex.ui;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import dev.duplex.i18n.EventText;
import dev.duplex.i18n.Help;
import dev.duplex.i18n.Texts;
import dev.duplex.model.FrameTotals;
import dev.duplex.model.LogBuffer;
import dev.duplex.net.wire.FrameInfo;
import dev.duplex.net.Payload;
import dev.duplex.net.WsEvent;
import dev.duplex.protocol.PayloadCodec;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.FilteredList;
import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
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
 * regular-expression search, copy, auto-scroll, running totals, and a hex dump of the selected frame.
 * Included by the server and client panes, which hand it their frames with {@link #bind}.
 */
public final class FramesController {
    /** What the kind filter offers. */
    enum Kind {
        ALL(f -> true), DATA(f -> !f.control()), CONTROL(FrameInfo::control),
        TEXT(f -> f.opcode() == FrameInfo.TEXT), BINARY(f -> f.opcode() == FrameInfo.BINARY),
        CONTINUATION(f -> f.opcode() == FrameInfo.CONTINUATION), PING(f -> f.opcode() == FrameInfo.PING),
        PONG(f -> f.opcode() == FrameInfo.PONG), CLOSE(f -> f.opcode() == FrameInfo.CLOSE);

        final Predicate<FrameInfo> test;

        Kind(Predicate<FrameInfo> test) {
            this.test = test;
        }
    }

    /** What the direction filter offers. */
    enum Way { ALL, IN, OUT }

    @FXML private ComboBox<Way> directionBox;
    @FXML private ComboBox<Kind> kindBox;
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

    private Texts texts;
    private EventText format;
    private Help help;
    private FilteredList<WsEvent> shown;

    /** Shows these frames; called once by the pane that includes this view. */
    void bind(LogBuffer frames, FrameTotals totals, Texts texts) {
        this.texts = texts;
        this.format = new EventText(texts);
        this.help = Help.of(texts.locale());
        shown = new FilteredList<>(frames.events(), e -> true);
        table.setItems(shown);
        table.setFixedCellSize(LogViews.LINE_HEIGHT + 2);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPlaceholder(new Label(texts.get("frames.none")));

        directionBox.getItems().setAll(Way.values());
        directionBox.setConverter(EnumNames.converter(texts, "frames.way."));
        directionBox.setValue(Way.ALL);
        kindBox.getItems().setAll(Kind.values());
        kindBox.setConverter(EnumNames.converter(texts, "frames.kind."));
        kindBox.setValue(Kind.ALL);
        directionBox.valueProperty().addListener((o, a, b) -> refilter());
        kindBox.valueProperty().addListener((o, a, b) -> refilter());
        searchField.textProperty().addListener((o, a, b) -> refilter());
        regexBox.selectedProperty().addListener((o, a, b) -> refilter());
        searchNotice.managedProperty().bind(searchNotice.visibleProperty());
        searchNotice.setVisible(false);

        column(timeColumn, e -> EventText.time(e.at()));
        column(directionColumn, e -> frame(e).inbound() ? "←" : "→");
        column(opcodeColumn, e -> frame(e).opcodeName());
        column(finColumn, e -> frame(e).fin() ? "1" : "0");
        column(rsvColumn, e -> bits(frame(e)));
        column(maskColumn, e -> frame(e).masked() ? PayloadCodec.hex(frame(e).maskKey()).replace(" ", "") : "—");
        column(payloadColumn, e -> Long.toString(frame(e).payloadLength()));
        column(wireColumn, e -> Long.toString(frame(e).wireLength()));
        column(previewColumn, e -> preview(frame(e)));
        opcodeColumn.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                WsEvent e = empty || getTableRow() == null ? null : getTableRow().getItem();
                setTooltip(e == null ? null : new Tooltip(help.opcode(frame(e).opcode())));
            }
        });
        previewColumn.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                WsEvent e = empty || getTableRow() == null ? null : getTableRow().getItem();
                String tip = e != null && frame(e).opcode() == FrameInfo.CLOSE && frame(e).payload().length >= 2
                        ? help.closeCode(frame(e).closeCode()) : "";
                setTooltip(tip.isEmpty() ? null : new Tooltip(tip));
            }
        });
        tip(finColumn, help.bit("fin"));
        tip(rsvColumn, help.bit("rsv"));
        tip(maskColumn, help.bit("mask"));

        totalsLabel.textProperty().bind(Bindings.createStringBinding(() -> texts.get("frames.totals",
                totals.inFrames(), totals.inBytes(), totals.outFrames(), totals.outBytes()), totals.changed()));

        table.getSelectionModel().selectedItemProperty().addListener((o, a, e) -> detailArea.setText(detail(e)));
        boolean[] scrollPending = {false};
        shown.addListener((ListChangeListener<WsEvent>) change -> {
            if (!autoScrollBox.isSelected() || scrollPending[0]) return;
            scrollPending[0] = true;
            Platform.runLater(() -> {
                scrollPending[0] = false;
                if (!shown.isEmpty()) table.scrollTo(shown.size() - 1);
            });
        });
        KeyCombination copyKeys = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);
        table.setOnKeyPressed(key -> {
            if (copyKeys.match(key)) {
                copy();
                key.consume();
            }
        });
    }

    private static void tip(TableColumn<?, ?> column, String text) {
        Label header = new Label(column.getText());
        header.setTooltip(new Tooltip(text));
        column.setText(null);
        column.setGraphic(header);
    }

    private static void column(TableColumn<WsEvent, String> column, Function<WsEvent, String> value) {
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
    }

    private static FrameInfo frame(WsEvent e) {
        return ((WsEvent.Frame) e).frame();
    }

    private static String bits(FrameInfo f) {
        return "" + (f.rsv1() ? '1' : '0') + (f.rsv2() ? '1' : '0') + (f.rsv3() ? '1' : '0');
    }

    private String preview(FrameInfo f) {
        if (f.opcode() == FrameInfo.CLOSE) {
            return f.payload().length >= 2 ? f.closeCode() + " " + format.closeMeaning(f.closeCode())
                    + (f.closeReason().isEmpty() ? "" : " \"" + f.closeReason() + "\"") : texts.get("frame.noCode");
        }
        if (isText(f)) {
            String s = new String(f.payload(), StandardCharsets.UTF_8);
            return s.length() > 200 ? s.substring(0, 200) + "…" : s;
        }
        return Payload.binary(f.payload()).hexPreview(32);
    }

    /** Text frames and their continuations read as text; compressed (RSV1) and binary ones as hex. */
    private static boolean isText(FrameInfo f) {
        return f.opcode() == FrameInfo.TEXT && !f.rsv1();
    }

    private String detail(WsEvent e) {
        if (e == null) return "";
        FrameInfo f = frame(e);
        StringBuilder sb = new StringBuilder(format.frame(f)).append("\n\n");
        sb.append(PayloadCodec.hexDump(f.payload(), FrameInfo.PAYLOAD_CAP));
        if (f.truncated()) sb.append(texts.get("frames.truncated", f.payload().length, f.payloadLength())).append('\n');
        if (isText(f) || f.opcode() == FrameInfo.CONTINUATION) {
            sb.append('\n').append(new String(f.payload(), StandardCharsets.UTF_8));
        }
        String whole = reassembled(e);
        if (whole != null) sb.append("\n\n").append(whole);
        return sb.toString();
    }

    /**
     * For a frame of a fragmented message: the message its fragments make (first frame, continuations,
     * up to the one with FIN, the same way), as far as the list still holds them; else null.
     */
    private String reassembled(WsEvent selected) {
        FrameInfo f = frame(selected);
        if (f.control() || (f.fin() && f.opcode() != FrameInfo.CONTINUATION)) return null;
        List<WsEvent> all = castFrames(shown.getSource());
        int at = all.indexOf(selected);
        if (at < 0) return null;
        int start = at;
        while (start >= 0 && !(isSameWay(all.get(start), f) && frame(all.get(start)).opcode() != FrameInfo.CONTINUATION
                && !frame(all.get(start)).control())) {
            start--;
        }
        if (start < 0) return null;
        java.io.ByteArrayOutputStream message = new java.io.ByteArrayOutputStream();
        int fragments = 0;
        boolean complete = false;
        for (int i = start; i < all.size(); i++) {
            FrameInfo part = frame(all.get(i));
            if (!isSameWay(all.get(i), f) || part.control()) continue;
            if (i > start && part.opcode() != FrameInfo.CONTINUATION) break;
            message.writeBytes(part.payload());
            fragments++;
            if (part.fin()) {
                complete = true;
                break;
            }
        }
        FrameInfo first = frame(all.get(start));
        byte[] bytes = message.toByteArray();
        String body = first.opcode() == FrameInfo.TEXT && !first.rsv1()
                ? new String(bytes, StandardCharsets.UTF_8) : Payload.binary(bytes).hexPreview(64);
        return texts.get(complete ? "frames.message" : "frames.messagePartial", fragments, bytes.length) + "\n" + body;
    }

    private static boolean isSameWay(WsEvent e, FrameInfo f) {
        return frame(e).inbound() == f.inbound();
    }

    @SuppressWarnings("unchecked")
    private static List<WsEvent> castFrames(List<?> list) {
        return (List<WsEvent>) list;
    }

    private void refilter() {
        Way way = directionBox.getValue();
        Kind kind = kindBox.getValue();
        String query = searchField.getText() == null ? "" : searchField.getText();
        Predicate<String> matches;
        searchNotice.setVisible(false);
        if (query.isEmpty()) {
            matches = s -> true;
        } else if (regexBox.isSelected()) {
            try {
                Pattern p = Pattern.compile(query);
                matches = s -> p.matcher(s).find();
            } catch (PatternSyntaxException bad) {
                searchNotice.setText(texts.get("frames.badRegex", bad.getDescription()));
                searchNotice.setVisible(true);
                return;
            }
        } else {
            String needle = query.toLowerCase(java.util.Locale.ROOT);
            matches = s -> s.toLowerCase(java.util.Locale.ROOT).contains(needle);
        }
        Predicate<String> search = matches;
        shown.setPredicate(e -> {
            FrameInfo f = frame(e);
            if (way == Way.IN && !f.inbound() || way == Way.OUT && f.inbound()) return false;
            if (!kind.test.test(f)) return false;
            return query.isEmpty() || search.test(format.frame(f));
        });
    }

    /** Copies the selected rows (or every shown row when none is selected) as lines of text. */
    @FXML
    private void copy() {
        List<WsEvent> rows = table.getSelectionModel().getSelectedItems().isEmpty() ? shown
                : table.getSelectionModel().getSelectedItems();
        StringBuilder text = new StringBuilder();
        for (WsEvent e : rows) {
            text.append(EventText.time(e.at())).append(' ').append(frame(e).inbound() ? "← " : "→ ")
                    .append(format.frame(frame(e))).append('\n');
        }
        ClipboardContent content = new ClipboardContent();
        content.putString(text.toString());
        Clipboard.getSystemClipboard().setContent(content);
    }
}
