package dev.duplex.ui.proxy;

import java.io.File;
import java.util.function.Function;

import dev.duplex.i18n.ProxyText;
import dev.duplex.i18n.Texts;
import dev.duplex.model.proxy.ProxyModel;
import dev.duplex.model.proxy.ProxyPair;
import dev.duplex.net.proxy.ProxyEvent;
import dev.duplex.ui.Fxml;
import dev.duplex.ui.OnDemandViews;
import dev.duplex.ui.PacedList;
import dev.duplex.ui.ThisPulse;
import dev.duplex.ui.ViewSubscriptions;
import dev.duplex.ui.log.LogController;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;
import javafx.stage.FileChooser;

/**
 * The proxy's pairs, one row per client (number, address, path, upstream, state, messages each way), and the
 * selected pair's log, both handshakes and both legs' frames ({@link LegViews}); Export saves its server leg.
 * The Interception tab, built when first shown, counts the messages held in its title.
 */
public final class PairsController {
    private final ProxyModel proxy;
    private final Texts texts;
    private final ViewSubscriptions subscriptions;
    private final ProxyText format;
    private final OnDemandViews views;
    private LegViews legs;
    private ViewSubscriptions shownLog;

    @FXML private TableView<ProxyPair> pairsTable;
    @FXML private TableColumn<ProxyPair, String> numberColumn;
    @FXML private TableColumn<ProxyPair, String> clientColumn;
    @FXML private TableColumn<ProxyPair, String> pathColumn;
    @FXML private TableColumn<ProxyPair, String> upstreamColumn;
    @FXML private TableColumn<ProxyPair, String> stateColumn;
    @FXML private TableColumn<ProxyPair, Number> upColumn;
    @FXML private TableColumn<ProxyPair, Number> downColumn;
    @FXML private Tab pairHandshakesTab;
    @FXML private Tab pairFramesTab;
    @FXML private Tab pairInterceptTab;
    @FXML private Label pairTitle;
    @FXML private Label pairLogCount;
    @FXML private CheckBox pairAutoScroll;
    @FXML private ListView<ProxyEvent> pairLogView;
    @FXML private javafx.scene.control.SplitPane pairLogSplit;
    @FXML private StackPane clientHandshakeBox;
    @FXML private StackPane upstreamHandshakeBox;
    @FXML private StackPane clientFramesBox;
    @FXML private StackPane upstreamFramesBox;
    @FXML private Button exportButton;

    public PairsController(ProxyModel proxy, Texts texts, ViewSubscriptions subscriptions, OnDemandViews views) {
        this.proxy = proxy;
        this.views = views;
        this.texts = texts;
        this.subscriptions = subscriptions;
        this.format = new ProxyText(texts);
    }

    @FXML
    private void initialize() {
        pairsTable.setItems(proxy.pairs());
        pairsTable.setPlaceholder(new Label(texts.get("proxy.pairs.none")));
        text(numberColumn, p -> "#" + p.number());
        text(clientColumn, ProxyPair::client);
        text(pathColumn, ProxyPair::target);
        text(upstreamColumn, p -> p.upstream().toString());
        stateColumn.setCellValueFactory(c -> Bindings.createStringBinding(
                () -> texts.get("proxy.pair.state." + c.getValue().stateProperty().get()), c.getValue().stateProperty()));
        upColumn.setCellValueFactory(c -> c.getValue().messagesUpProperty());
        downColumn.setCellValueFactory(c -> c.getValue().messagesDownProperty());

        legs = new LegViews(texts, subscriptions, pairHandshakesTab, pairFramesTab, clientHandshakeBox,
                upstreamHandshakeBox, clientFramesBox, upstreamFramesBox);
        pairLogView.setFixedCellSize(LogController.LINE_HEIGHT);
        pairLogView.setCellFactory(v -> new ProxyLogCell(format));
        pairLogView.setPlaceholder(new Label(texts.get("proxy.pair.none")));
        // A message chosen in the pair's log opens whole under it, as in the client's log.
        var message = new dev.duplex.ui.message.MessagePanel(texts, pairLogSplit, 0.4);
        subscriptions.onValue(pairLogView.getSelectionModel().selectedIndexProperty(), index -> {
            java.util.List<dev.duplex.net.WsEvent> upTo = pairLogView.getItems() == null ? java.util.List.of()
                    : dev.duplex.model.message.ProxyMessages.upTo(pairLogView.getItems(), index.intValue());
            message.show(upTo, upTo.size() - 1);
        });
        exportButton.disableProperty().bind(proxy.selectedProperty().isNull());

        pairsTable.getSelectionModel().selectedItemProperty().addListener((o, was, row) -> {
            if (row != null) proxy.selectedProperty().set(row);
        });
        subscriptions.onValue(proxy.selectedProperty(), this::show);
        var held = proxy.interceptor().heldCountProperty();
        pairInterceptTab.textProperty().bind(Bindings.createStringBinding(() -> held.get() == 0
                ? texts.get("proxy.intercept") : texts.get("proxy.intercept.held", held.get()), held));
        views.tab(pairInterceptTab, Fxml.view("proxy/intercept.fxml"));
    }

    private static void text(TableColumn<ProxyPair, String> column, Function<ProxyPair, String> value) {
        column.setCellValueFactory(c -> (ObservableValue<String>) Bindings.createStringBinding(() -> value.apply(c.getValue())));
        // The narrow pane cuts addresses and URLs: the whole of it on hover.
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                setTooltip(empty || text == null ? null : new Tooltip(text));
            }
        });
    }

    /** Shows a pair's log, title and legs; the row is selected if it is not. */
    private void show(ProxyPair pair) {
        if (pairsTable.getSelectionModel().getSelectedItem() != pair) {
            if (pair == null) pairsTable.getSelectionModel().clearSelection();
            else pairsTable.getSelectionModel().select(pair);
        }
        if (shownLog != null) shownLog.dispose();
        shownLog = subscriptions.child();
        legs.show(pair);
        if (pair == null) {
            pairLogView.setItems(null);
            pairTitle.setText("");
            pairLogCount.textProperty().unbind();
            pairLogCount.setText("");
            return;
        }
        pairTitle.setText(texts.get("proxy.pair.title", pair.number(), pair.client(), pair.upstream()));
        PacedList<ProxyEvent> lines = new PacedList<>(pair.log());
        pairLogView.setItems(lines);
        pairLogCount.textProperty().bind(Bindings.createStringBinding(
                () -> texts.get("log.count", lines.size(), pair.droppedProperty().get()), lines, pair.droppedProperty()));
        boolean[] scrollPending = {false};
        shownLog.onListChange(lines, (ListChangeListener<ProxyEvent>) change -> {
            if (!pairAutoScroll.isSelected() || scrollPending[0]) return;
            scrollPending[0] = true;
            ThisPulse.beforeLayout(pairLogView, () -> {
                scrollPending[0] = false;
                if (!lines.isEmpty()) pairLogView.scrollTo(lines.size() - 1);
            });
        });
    }

    @FXML
    private void export() {
        ProxyPair pair = proxy.selectedProperty().get();
        if (pair == null) return;
        FileChooser chooser = new FileChooser();
        chooser.setTitle(texts.get("proxy.export.title", pair.number()));
        chooser.setInitialFileName("proxy-pair-" + pair.number() + ".jsonl");
        chooser.getExtensionFilters().setAll(new FileChooser.ExtensionFilter("JSON Lines", "*.jsonl"),
                new FileChooser.ExtensionFilter("HAR", "*.har"), new FileChooser.ExtensionFilter("Text", "*.txt"));
        File file = chooser.showSaveDialog(pairsTable.getScene().getWindow());
        if (file == null) return;
        // A .txt name saves the pair's log as it reads here; the others, its server leg as a conversation.
        if (file.getName().toLowerCase(java.util.Locale.ROOT).endsWith(".txt")) {
            proxy.saveSelectedLog(file.toPath(), e -> format.line(e).toString());
        } else {
            proxy.exportSelected(file.toPath());
        }
    }

    @FXML
    private void clearClosed() {
        proxy.clearClosed();
    }
}
