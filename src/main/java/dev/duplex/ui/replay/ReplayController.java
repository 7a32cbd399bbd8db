package dev.duplex.ui.replay;

import java.io.File;
import java.nio.file.Path;

import dev.duplex.i18n.EventText;
import dev.duplex.i18n.Texts;
import dev.duplex.model.replay.ReplayModel;
import dev.duplex.model.replay.ReplayRow;
import dev.duplex.model.replay.ReplayState;
import dev.duplex.model.replay.Tally;
import dev.duplex.net.Payload;
import dev.duplex.net.WsEvent;
import dev.duplex.replay.ReplayEvent;
import dev.duplex.replay.Timing;
import dev.duplex.ui.EnumNames;
import dev.duplex.ui.Notices;
import dev.duplex.ui.ViewSubscriptions;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.FileChooser;

/**
 * A Replay tab's view: binds the form to its {@link ReplayModel}, shows the comparison, and passes on the
 * buttons (F10, the Next button's key, is installed by {@link ReplayTabs}).
 */
public final class ReplayController {
    /** The key that sends the next message in step timing; the Next button's tooltip says it. */
    static final KeyCode NEXT_KEY = KeyCode.F10;

    private final ReplayModel model;
    private final Texts texts;
    private final ViewSubscriptions subscriptions;
    private final EventText format;

    @FXML private Button replayFileButton;
    @FXML private Label replayFileLabel;
    @FXML private Label replayPlanLabel;
    @FXML private TextField replayUrlField;
    @FXML private ChoiceBox<Timing> replayTimingBox;
    @FXML private TextField replayWaitField;
    @FXML private TextField replayTrustField;
    @FXML private TextField replayClientCertField;
    @FXML private TextField replayClientKeyField;
    @FXML private javafx.scene.control.PasswordField replayClientPasswordField;
    @FXML private TextField replayCaFileField;
    @FXML private Button replayStartButton;
    @FXML private Button replayNextButton;
    @FXML private Button replayStopButton;
    @FXML private Label replayAwaitingLabel;
    @FXML private Label replayNoticeLabel;
    @FXML private Label replaySummaryLabel;
    @FXML private Label replayConnectionLabel;
    @FXML private TableView<ReplayRow> replayTable;
    @FXML private TableColumn<ReplayRow, ReplayRow> whereColumn;
    @FXML private TableColumn<ReplayRow, ReplayRow> sentColumn;
    @FXML private TableColumn<ReplayRow, ReplayRow> recordedColumn;
    @FXML private TableColumn<ReplayRow, ReplayRow> actualColumn;
    @FXML private TableColumn<ReplayRow, ReplayRow> verdictColumn;

    public ReplayController(ReplayModel model, Texts texts, ViewSubscriptions subscriptions) {
        this.model = model;
        this.texts = texts;
        this.subscriptions = subscriptions;
        this.format = new EventText(texts);
    }

    @FXML
    private void initialize() {
        replayUrlField.textProperty().bindBidirectional(model.urlProperty());
        replayWaitField.textProperty().bindBidirectional(model.waitMsProperty());
        replayTrustField.textProperty().bindBidirectional(model.trustProperty());
        replayClientCertField.textProperty().bindBidirectional(model.clientCertProperty());
        replayClientKeyField.textProperty().bindBidirectional(model.clientKeyProperty());
        replayClientPasswordField.textProperty().bindBidirectional(model.clientCertPasswordProperty());
        replayCaFileField.textProperty().bindBidirectional(model.caFileProperty());
        replayTimingBox.getItems().setAll(Timing.values());
        replayTimingBox.setConverter(EnumNames.converter(texts, "replay.timing."));
        replayTimingBox.valueProperty().bindBidirectional(model.timingProperty());

        var state = model.stateProperty();
        var busy = Bindings.createBooleanBinding(() -> state.get() == ReplayState.RUNNING
                || state.get() == ReplayState.STOPPING || state.get() == ReplayState.READING, state);
        replayFileButton.disableProperty().bind(busy);
        for (var field : new javafx.scene.Node[] {replayUrlField, replayTimingBox, replayWaitField, replayTrustField}) {
            field.disableProperty().bind(busy);
        }
        replayStartButton.disableProperty().bind(state.isNotEqualTo(ReplayState.READY));
        replayStopButton.disableProperty().bind(state.isNotEqualTo(ReplayState.RUNNING));
        replayNextButton.disableProperty().bind(model.awaitingProperty().isNull());

        replayFileLabel.textProperty().bind(Bindings.createStringBinding(() -> {
            Path file = model.fileProperty().get();
            return file == null ? texts.get("replay.window.noFile") : file.toString();
        }, model.fileProperty()));
        Notices.bind(replayPlanLabel, model.planProperty(), texts);
        Notices.bind(replayNoticeLabel, model.noticeProperty(), texts);
        replayAwaitingLabel.textProperty().bind(Bindings.createStringBinding(() -> {
            ReplayEvent.AwaitingStep a = model.awaitingProperty().get();
            return a == null ? "" : texts.get("replay.window.awaiting", a.step(), a.steps(), shown(a.message()));
        }, model.awaitingProperty()));
        replaySummaryLabel.textProperty().bind(Bindings.createStringBinding(() -> {
            Tally t = model.tallyProperty().get();
            return t == null ? "" : texts.get("replay.window.summary", t.sent(), t.steps(), t.same(), t.different(),
                    t.missing(), t.extra());
        }, model.tallyProperty()));
        replayConnectionLabel.textProperty().bind(Bindings.createStringBinding(() -> {
            WsEvent e = model.connectionProperty().get();
            if (e == null) return "";
            EventText.Line line = format.line(e, EventText.Side.CLIENT);
            return line.name() + " " + line.text();
        }, model.connectionProperty()));
        subscriptions.onValue(model.connectionProperty(), e -> {
            replayConnectionLabel.getStyleClass().remove("replay-failed");
            if (e instanceof WsEvent.Failed) replayConnectionLabel.getStyleClass().add("replay-failed");
        });

        replayTable.setItems(model.rows());
        replayTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        for (var column : java.util.List.of(whereColumn, sentColumn, recordedColumn, actualColumn, verdictColumn)) {
            column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        }
        whereColumn.setCellFactory(c -> new ReplayCells.Where(texts));
        sentColumn.setCellFactory(c -> new ReplayCells.Message(texts, ReplayCells.Side.SENT));
        recordedColumn.setCellFactory(c -> new ReplayCells.Message(texts, ReplayCells.Side.RECORDED));
        actualColumn.setCellFactory(c -> new ReplayCells.Message(texts, ReplayCells.Side.ACTUAL));
        verdictColumn.setCellFactory(c -> new ReplayCells.Judgement(texts));
        // Live: the newest row stays in sight as the replay goes.
        subscriptions.onListChange(model.rows(), (ListChangeListener<ReplayRow>) change -> {
            if (!model.rows().isEmpty()) replayTable.scrollTo(model.rows().size() - 1);
        });
    }

    @FXML
    private void chooseFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(texts.get("replay.window.chooseFile"));
        chooser.getExtensionFilters().setAll(new FileChooser.ExtensionFilter("JSON Lines, HAR", "*.jsonl", "*.har"),
                new FileChooser.ExtensionFilter("*", "*"));
        Path before = model.fileProperty().get();
        if (before != null && before.toAbsolutePath().getParent() != null) {
            File dir = before.toAbsolutePath().getParent().toFile();
            if (dir.isDirectory()) chooser.setInitialDirectory(dir);
        }
        File file = chooser.showOpenDialog(replayFileButton.getScene().getWindow());
        if (file != null) model.open(file.toPath());
    }

    @FXML
    private void start() {
        model.start();
    }

    @FXML
    private void next() {
        model.next();
    }

    @FXML
    private void stop() {
        model.stop();
    }

    private String shown(Payload p) {
        return p.isBinary() ? texts.get("replay.binary", p.size(), p.hexPreview(32))
                : MarkedParts.plain(p.text()).before();
    }
}
