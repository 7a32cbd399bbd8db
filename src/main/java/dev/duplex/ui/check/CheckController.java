package dev.duplex.ui.check;

import java.io.File;

import dev.duplex.check.CaseResult;
import dev.duplex.check.CheckReport;
import dev.duplex.i18n.CaseTitleText;
import dev.duplex.i18n.CheckText;
import dev.duplex.i18n.Texts;
import dev.duplex.model.check.CheckModel;
import dev.duplex.ui.Notices;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.FileChooser;

/**
 * The Check pane: the URL and groups to check, Start, the progress, a summary line per group when the run is
 * over, every case as it ends, and Save report… (HTML for people, JSON for machines).
 */
public final class CheckController {
    private final CheckModel check;
    private final Texts texts;
    private final CaseTitleText titles;

    @FXML private TextField checkUrlField;
    @FXML private TextField checkGroupsField;
    @FXML private CheckBox checkFullBox;
    @FXML private javafx.scene.layout.GridPane checkOptionsGrid;
    @FXML private CheckBox checkSendOriginBox;
    @FXML private TextField checkOriginField;
    @FXML private TextArea checkHeadersArea;
    @FXML private TextField checkTrustField;
    @FXML private TextField checkProxyField;
    @FXML private TextField checkClientCertField;
    @FXML private TextField checkClientKeyField;
    @FXML private TextField checkClientPasswordField;
    @FXML private TextField checkCaFileField;
    @FXML private Button checkStartButton;
    @FXML private Button checkSaveButton;
    @FXML private ProgressBar checkProgress;
    @FXML private Label checkProgressLabel;
    @FXML private Label checkNoticeLabel;
    @FXML private TextArea checkSummaryArea;
    @FXML private TableView<CaseResult> checkTable;
    @FXML private TableColumn<CaseResult, String> caseColumn;
    @FXML private TableColumn<CaseResult, String> verdictColumn;
    @FXML private TableColumn<CaseResult, String> titleColumn;
    @FXML private TableColumn<CaseResult, String> observedColumn;

    public CheckController(CheckModel check, Texts texts) {
        this.check = check;
        this.texts = texts;
        this.titles = CaseTitleText.of(texts);
    }

    @FXML
    private void initialize() {
        checkUrlField.textProperty().bindBidirectional(check.urlProperty());
        checkGroupsField.textProperty().bindBidirectional(check.groupsProperty());
        checkFullBox.selectedProperty().bindBidirectional(check.fullProperty());
        checkSendOriginBox.selectedProperty().bindBidirectional(check.sendOriginProperty());
        checkOriginField.textProperty().bindBidirectional(check.originProperty());
        checkOriginField.disableProperty().bind(checkSendOriginBox.selectedProperty().not());
        checkHeadersArea.textProperty().bindBidirectional(check.headersProperty());
        checkTrustField.textProperty().bindBidirectional(check.trustProperty());
        checkProxyField.textProperty().bindBidirectional(check.proxyProperty());
        checkClientCertField.textProperty().bindBidirectional(check.clientCertProperty());
        checkClientKeyField.textProperty().bindBidirectional(check.clientKeyProperty());
        checkClientPasswordField.textProperty().bindBidirectional(check.clientPasswordProperty());
        checkCaFileField.textProperty().bindBidirectional(check.caFileProperty());
        var running = check.stateProperty().isEqualTo(CheckModel.State.RUNNING);
        for (var field : new javafx.scene.Node[] {checkUrlField, checkGroupsField, checkFullBox, checkStartButton, checkOptionsGrid}) {
            field.disableProperty().bind(running);
        }
        checkSaveButton.disableProperty().bind(check.reportProperty().isNull());
        var done = Bindings.size(check.results());
        checkProgress.progressProperty().bind(Bindings.createDoubleBinding(() -> check.totalProperty().get() == 0 ? 0
                : (double) done.get() / check.totalProperty().get(), done, check.totalProperty()));
        checkProgressLabel.textProperty().bind(Bindings.createStringBinding(() ->
                texts.get("checkPane.progress", done.get(), check.totalProperty().get()), done, check.totalProperty()));
        Notices.bind(checkNoticeLabel, check.noticeProperty(), texts);
        checkSummaryArea.textProperty().bind(Bindings.createStringBinding(() -> summary(check.reportProperty().get()),
                check.reportProperty()));
        CaseColumns.fill(caseColumn, verdictColumn, titleColumn, observedColumn, titles::title);
        checkTable.setItems(check.results());
        checkTable.setPlaceholder(new Label(texts.get("checkPane.none")));
    }

    /** One line a group, and the total, as {@code duplex check} prints them. */
    private String summary(CheckReport r) {
        return r == null ? "" : String.join("\n", new CheckText(texts).summary(r));
    }

    @FXML
    private void start() {
        check.start();
    }

    @FXML
    private void save() {
        FileChooser chooser = new FileChooser();
        chooser.getExtensionFilters().setAll(new FileChooser.ExtensionFilter("HTML", "*.html"),
                new FileChooser.ExtensionFilter("JSON", "*.json"));
        chooser.setInitialFileName("duplex-check.html");
        File file = chooser.showSaveDialog(checkTable.getScene().getWindow());
        if (file != null) check.save(file.toPath(), texts::get, titles);
    }
}
