package dev.duplex.ui;

import dev.duplex.protocol.Utf8;

import java.io.File;

import dev.duplex.i18n.EventText;
import dev.duplex.i18n.Texts;
import dev.duplex.model.client.Composer;
import dev.duplex.model.client.ClientTab;
import dev.duplex.model.Workbench;
import dev.duplex.model.library.SavedConnections;
import dev.duplex.model.client.Burst;
import dev.duplex.protocol.MessageMode;
import dev.duplex.settings.SavedMessage;
import dev.duplex.model.client.ClientState;
import dev.duplex.model.Notice;
import dev.duplex.settings.ConnectionStore;
import dev.duplex.net.WsEvent;
import dev.duplex.net.WsUrl;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

/**
 * The client's pane: binds the URL, the connection options, the composer, the control-frame lab and
 * the three views of the conversation (log, frames, handshake) to the model. It binds and delegates;
 * the checks live in the model.
 */
public final class ClientController {
    private final Workbench workbench;
    /** The client tab this pane shows. */
    private final ClientTab tab;
    private final Texts texts;

    @FXML private TextField urlField;
    @FXML private Button connectButton;
    @FXML private Button disconnectButton;
    @FXML private CheckBox sendOriginBox;
    @FXML private TextField originField;
    @FXML private TextArea headersArea;
    @FXML private TextField subprotocolsField;
    @FXML private TextField timeoutField;
    @FXML private CheckBox deflateBox;
    @FXML private ComboBox<MessageMode> modeBox;
    @FXML private TextArea messageField;
    @FXML private Button sendButton;
    @FXML private Label sizeLabel;
    @FXML private Button formatButton;
    @FXML private ComboBox<SavedMessage> savedBox;
    @FXML private TextField saveNameField;
    @FXML private TextField pingPayloadField;
    @FXML private TextField pingEveryField;
    @FXML private Button periodicButton;
    @FXML private CheckBox autoPongBox;
    @FXML private TextField closeCodeField;
    @FXML private TextField closeReasonField;
    @FXML private Label closeHint;
    @FXML private TextField fragmentSizeField;
    @FXML private Label stateLabel;
    @FXML private Label noticeLabel;
    @FXML private Button trustButton;
    @FXML private ListView<WsEvent> logView;
    @FXML private Label logCountLabel;
    @FXML private CheckBox autoScrollBox;
    @FXML private TextField collectionField;
    @FXML private TextField connectionNameField;
    @FXML private ComboBox<ConnectionStore.SavedConnection> savedConnectionsBox;
    @FXML private Button openConnectionButton;
    @FXML private Button deleteConnectionButton;
    @FXML private Label burstTemplateLabel;
    @FXML private TextField burstTemplateField;
    @FXML private TextField burstCountField;
    @FXML private TextField burstEveryField;
    @FXML private Button burstStartButton;
    @FXML private Button burstStopButton;
    @FXML private Label burstStatsLabel;
    @FXML private LineChart<Number, Number> rttChart;
    @FXML private FramesController framesController;
    @FXML private HandshakeController handshakeController;

    public ClientController(Workbench workbench, ClientTab tab, Texts texts) {
        this.workbench = workbench;
        this.tab = tab;
        this.texts = texts;
    }

    /** Saving the connection under a collection and name, and opening a saved one again. */
    private void bindSavedConnections() {
        collectionField.setPromptText(SavedConnections.DEFAULT_COLLECTION);
        collectionField.textProperty().bindBidirectional(tab.options().collectionProperty());
        connectionNameField.textProperty().bindBidirectional(tab.options().nameProperty());
        savedConnectionsBox.setItems(workbench.connections().all());
        savedConnectionsBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(ConnectionStore.SavedConnection c) {
                return c == null ? "" : c.label() + "  (" + c.url() + ")";
            }

            @Override
            public ConnectionStore.SavedConnection fromString(String s) {
                return null; // not editable
            }
        });
        var none = savedConnectionsBox.valueProperty().isNull();
        openConnectionButton.disableProperty().bind(none);
        deleteConnectionButton.disableProperty().bind(none);
    }

    @FXML
    private void saveConnection() {
        workbench.connections().save(tab);
    }

    @FXML
    private void openConnection() {
        workbench.connections().open(savedConnectionsBox.getValue(), tab);
    }

    @FXML
    private void deleteConnection() {
        workbench.connections().delete(savedConnectionsBox.getValue(), tab);
        savedConnectionsBox.setValue(null);
    }

    /** Burst and periodic sending: the form, the running numbers and the live round-trip chart. */
    private void bindBurst() {
        burstTemplateLabel.setText(texts.get("burst.template"));
        burstTemplateField.textProperty().bindBidirectional(tab.burst().templateProperty());
        burstCountField.textProperty().bindBidirectional(tab.burst().countProperty());
        burstEveryField.textProperty().bindBidirectional(tab.burst().everyProperty());
        var open = tab.stateProperty().isEqualTo(ClientState.OPEN);
        burstStartButton.disableProperty().bind(open.not().or(tab.burst().runningProperty()));
        burstStopButton.disableProperty().bind(tab.burst().runningProperty().not());
        burstStatsLabel.textProperty().bind(Bindings.createStringBinding(() -> {
            Burst.Stats b = tab.burst().statsProperty().get();
            if (b == null) return texts.get("burst.idle");
            return texts.get("burst.stats", Integer.toString(b.sent()), Integer.toString(b.count()),
                    Integer.toString(b.answered()), String.format(java.util.Locale.ROOT, "%.0f", b.perSecond()),
                    ms(b.p50()), ms(b.p90()), ms(b.p99()), ms(b.max()));
        }, tab.burst().statsProperty()));
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        rttChart.getData().add(series);
        // Rebuilt once per batch of replies (the model changes the list once per batch), at most 300 points.
        tab.burst().recentRoundTrips().addListener((javafx.collections.ListChangeListener<Double>) change -> {
            var points = new java.util.ArrayList<XYChart.Data<Number, Number>>(tab.burst().recentRoundTrips().size());
            int i = 0;
            for (Double ms : tab.burst().recentRoundTrips()) points.add(new XYChart.Data<>(i++, ms));
            series.getData().setAll(points);
        });
    }

    private static String ms(double value) {
        return String.format(java.util.Locale.ROOT, value < 10 ? "%.2f" : "%.1f", value);
    }

    @FXML
    private void trustCertificate() {
        tab.trustRefusedCertificate();
    }

    @FXML
    private void startBurst() {
        tab.burst().start();
    }

    @FXML
    private void stopBurst() {
        tab.burst().stop();
    }

    @FXML
    private void initialize() {
        urlField.textProperty().bindBidirectional(tab.urlProperty());
        sendOriginBox.selectedProperty().bindBidirectional(tab.options().sendOriginProperty());
        originField.textProperty().bindBidirectional(tab.options().originProperty());
        originField.disableProperty().bind(sendOriginBox.selectedProperty().not());
        // The prompt shows the Origin that goes out when the box is left empty.
        originField.promptTextProperty().bind(Bindings.createStringBinding(() -> {
            try {
                return WsUrl.defaultOrigin(WsUrl.parse(tab.urlProperty().get()));
            } catch (WsUrl.InvalidUrlException e) {
                return texts.get("client.origin.prompt");
            }
        }, tab.urlProperty()));
        headersArea.textProperty().bindBidirectional(tab.options().headersProperty());
        subprotocolsField.textProperty().bindBidirectional(tab.options().subprotocolsProperty());
        timeoutField.textProperty().bindBidirectional(tab.options().connectTimeoutProperty());
        deflateBox.selectedProperty().bindBidirectional(tab.options().deflateProperty());

        Composer composer = tab.composer();
        messageField.textProperty().bindBidirectional(composer.textProperty());
        modeBox.getItems().setAll(MessageMode.values());
        modeBox.setConverter(EnumNames.converter(texts, "composer.mode."));
        modeBox.valueProperty().bindBidirectional(composer.modeProperty());
        modeBox.setButtonCell(new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(MessageMode mode, boolean empty) {
                super.updateItem(mode, empty);
                setText(empty || mode == null ? null : texts.get("composer.mode." + mode.name()));
            }
        });
        formatButton.disableProperty().bind(composer.modeProperty().isNotEqualTo(MessageMode.JSON));
        sizeLabel.textProperty().bind(Bindings.createStringBinding(() -> {
            Notice n = composer.statusProperty().get();
            return n == null ? "" : texts.get(n.key(), n.args().toArray());
        }, composer.statusProperty()));
        // A long complaint (bad JSON, a stray character in hex) is cut in the row; hover shows all of it.
        javafx.scene.control.Tooltip sizeTip = new javafx.scene.control.Tooltip();
        sizeTip.textProperty().bind(sizeLabel.textProperty());
        sizeTip.setWrapText(true);
        sizeTip.setMaxWidth(500);
        sizeLabel.setTooltip(sizeTip);
        savedBox.setItems(composer.saved());
        savedBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(SavedMessage s) {
                return s == null ? "" : s.name();
            }

            @Override
            public SavedMessage fromString(String name) {
                return null;
            }
        });
        savedBox.valueProperty().addListener((o, a, chosen) -> {
            if (chosen != null) {
                composer.load(chosen);
                saveNameField.setText(chosen.name());
            }
        });
        messageField.addEventFilter(KeyEvent.KEY_PRESSED, this::messageKeys);

        pingPayloadField.textProperty().bindBidirectional(tab.controlFrames().pingPayloadProperty());
        pingEveryField.textProperty().bindBidirectional(tab.controlFrames().pingEveryProperty());
        periodicButton.textProperty().bind(Bindings.when(tab.controlFrames().pingingProperty())
                .then(texts.get("lab.stopPinging")).otherwise(texts.get("lab.startPinging")));
        autoPongBox.selectedProperty().bindBidirectional(tab.controlFrames().autoPongProperty());
        closeCodeField.textProperty().bindBidirectional(tab.controlFrames().closeCodeProperty());
        closeReasonField.textProperty().bindBidirectional(tab.controlFrames().closeReasonProperty());
        closeHint.textProperty().bind(Bindings.createStringBinding(() -> closeHintText(),
                tab.controlFrames().closeCodeProperty(), tab.controlFrames().closeReasonProperty()));
        fragmentSizeField.textProperty().bindBidirectional(tab.controlFrames().fragmentSizeProperty());

        var state = tab.stateProperty();
        urlField.disableProperty().bind(state.isNotEqualTo(ClientState.DISCONNECTED));
        connectButton.disableProperty().bind(state.isNotEqualTo(ClientState.DISCONNECTED));
        disconnectButton.disableProperty().bind(state.isNotEqualTo(ClientState.OPEN)
                .and(state.isNotEqualTo(ClientState.CONNECTING)));
        stateLabel.textProperty().bind(Bindings.createStringBinding(
                () -> texts.get("client.state." + state.get()), state));
        Notices.bind(noticeLabel, tab.noticeProperty(), texts);
        // Offered only after a refusal the user may overrule: a self-signed or expired certificate.
        trustButton.visibleProperty().bind(tab.refusedCertificateProperty().isNotNull());
        trustButton.managedProperty().bind(trustButton.visibleProperty());
        LogViews.bind(logView, tab.log(), EventText.Side.CLIENT, texts, logCountLabel, autoScrollBox);
        framesController.bind(tab.wire().frames(), tab.wire().totals(), texts);
        handshakeController.bind(tab.wire().handshakeProperty(), texts);
        bindBurst();
        bindSavedConnections();
    }

    /** Enter sends (Shift+Enter is a new line); Up and Down at the first or last line walk the history. */
    private void messageKeys(KeyEvent key) {
        String text = messageField.getText() == null ? "" : messageField.getText();
        int caret = messageField.getCaretPosition();
        if (key.getCode() == KeyCode.ENTER && !key.isShiftDown() && !key.isShortcutDown()) {
            key.consume();
            send();
        } else if (key.getCode() == KeyCode.UP && text.lastIndexOf('\n', Math.max(0, caret - 1)) < 0) {
            key.consume();
            tab.composer().previous();
            messageField.end();
        } else if (key.getCode() == KeyCode.DOWN && text.indexOf('\n', caret) < 0) {
            key.consume();
            tab.composer().next();
            messageField.end();
        }
    }

    /** Says, as the user types, whether the close goes out as a proper closing handshake or as typed. */
    private String closeHintText() {
        String code = tab.controlFrames().closeCodeProperty().get() == null ? "" : tab.controlFrames().closeCodeProperty().get().strip();
        int bytes = Utf8.bytes(tab.controlFrames().closeReasonProperty().get() == null ? ""
                : tab.controlFrames().closeReasonProperty().get()).length;
        if (code.isEmpty()) return texts.get("lab.close.noCode");
        try {
            int c = Integer.parseInt(code);
            String meaning = new EventText(texts).closeMeaning(c);
            if (!dev.duplex.protocol.CloseCodes.sendable(c)) return texts.get("lab.close.invalidCode", c, meaning);
            if (bytes > 123) return texts.get("lab.close.longReason", bytes);
            return texts.get("lab.close.valid", c, meaning, bytes);
        } catch (NumberFormatException e) {
            return texts.get("form.closeCode");
        }
    }

    @FXML
    private void connect() {
        tab.connect();
    }

    @FXML
    private void disconnect() {
        tab.disconnect();
    }

    @FXML
    private void send() {
        tab.send();
        messageField.selectAll();
    }

    @FXML
    private void sendFragmented() {
        tab.controlFrames().sendFragmented();
    }

    @FXML
    private void ping() {
        tab.controlFrames().ping();
    }

    @FXML
    private void pong() {
        tab.controlFrames().pong();
    }

    @FXML
    private void togglePeriodicPing() {
        tab.controlFrames().togglePeriodicPing();
    }

    @FXML
    private void closeWith() {
        tab.controlFrames().closeWith();
    }

    @FXML
    private void formatJson() {
        tab.composer().formatJson();
    }

    @FXML
    private void saveMessage() {
        tab.composer().save(saveNameField.getText());
    }

    /** Loads a file into the box: as text when it is UTF-8 text, else as hex. */
    @FXML
    private void loadFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(texts.get("composer.load"));
        File file = chooser.showOpenDialog(messageField.getScene().getWindow());
        if (file != null) tab.composer().loadFile(file.toPath());
    }

    @FXML
    private void clearLog() {
        tab.clearLog();
    }

    // ---- keeping and sharing: the File menu above the log ----

    @FXML
    private void saveJsonl() {
        File file = chooseFile(true, "conversation.jsonl", new FileChooser.ExtensionFilter("JSON Lines", "*.jsonl"));
        if (file != null) tab.saveConversation(file.toPath());
    }

    @FXML
    private void saveHar() {
        File file = chooseFile(true, "conversation.har", new FileChooser.ExtensionFilter("HAR", "*.har"));
        if (file != null) tab.saveConversation(file.toPath());
    }

    /** The log as it reads on screen, in the window's language. */
    @FXML
    private void saveLog() {
        File file = chooseFile(true, "duplex-log.txt", new FileChooser.ExtensionFilter("Text", "*.txt"));
        if (file == null) return;
        EventText format = new EventText(texts);
        tab.saveText(file.toPath(), tab.log().events().stream()
                .map(e -> format.line(e, EventText.Side.CLIENT).toString()).toList());
    }

    @FXML
    private void openConversation() {
        File file = chooseFile(false, null, new FileChooser.ExtensionFilter("JSON Lines, HAR", "*.jsonl", "*.har"),
                new FileChooser.ExtensionFilter("*", "*"));
        if (file != null) tab.openConversation(file.toPath());
    }

    private File chooseFile(boolean save, String suggested, FileChooser.ExtensionFilter... filters) {
        FileChooser chooser = new FileChooser();
        chooser.getExtensionFilters().setAll(filters);
        if (suggested != null) chooser.setInitialFileName(suggested);
        var window = messageField.getScene().getWindow();
        return save ? chooser.showSaveDialog(window) : chooser.showOpenDialog(window);
    }
}
