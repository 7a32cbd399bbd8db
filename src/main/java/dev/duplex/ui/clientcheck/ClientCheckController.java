package dev.duplex.ui.clientcheck;

import java.io.File;

import dev.duplex.check.CaseResult;
import dev.duplex.i18n.CaseTitleText;
import dev.duplex.i18n.Texts;
import dev.duplex.model.clientcheck.ClientCheckModel;
import dev.duplex.ui.Notices;
import dev.duplex.ui.check.CaseColumns;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.FileChooser;

/**
 * The server pane's "Check a client" panel: the switch that puts the client cases on the server's port, the
 * three addresses to give the client (the cases, the report, the browser page), the progress, every case as
 * it ends, and Save report….
 */
public final class ClientCheckController {
    private final ClientCheckModel check;
    private final Texts texts;
    private final CaseTitleText titles;

    @FXML private CheckBox clientCheckBox;
    @FXML private TextField clientCheckUrlField;
    @FXML private TextField clientCheckReportField;
    @FXML private TextField clientCheckBrowserField;
    @FXML private Label clientCheckProgressLabel;
    @FXML private Label clientCheckNoticeLabel;
    @FXML private Button clientCheckSaveButton;
    @FXML private TableView<CaseResult> clientCheckTable;
    @FXML private TableColumn<CaseResult, String> clientCaseColumn;
    @FXML private TableColumn<CaseResult, String> clientVerdictColumn;
    @FXML private TableColumn<CaseResult, String> clientTitleColumn;
    @FXML private TableColumn<CaseResult, String> clientObservedColumn;

    public ClientCheckController(ClientCheckModel check, Texts texts) {
        this.check = check;
        this.texts = texts;
        this.titles = CaseTitleText.of(texts);
    }

    @FXML
    private void initialize() {
        // The box shows the model's state; a click asks for the other one, which comes once the port is open.
        clientCheckBox.setSelected(check.onProperty().get());
        check.onProperty().addListener((o, was, now) -> clientCheckBox.setSelected(now));
        clientCheckBox.disableProperty().bind(check.busyProperty());
        clientCheckUrlField.textProperty().bind(check.checkUrlProperty());
        clientCheckReportField.textProperty().bind(check.reportUrlProperty());
        clientCheckBrowserField.textProperty().bind(check.browserUrlProperty());
        clientCheckSaveButton.disableProperty().bind(check.onProperty().not());
        var done = Bindings.size(check.results());
        clientCheckProgressLabel.textProperty().bind(Bindings.createStringBinding(() -> check.onProperty().get()
                ? texts.get("checkPane.progress", done.get(), check.totalProperty().get()) : texts.get("clientCheck.off"),
                done, check.totalProperty(), check.onProperty()));
        Notices.bind(clientCheckNoticeLabel, check.noticeProperty(), texts);
        CaseColumns.fill(clientCaseColumn, clientVerdictColumn, clientTitleColumn, clientObservedColumn, titles::title);
        clientCheckTable.setItems(check.results());
        clientCheckTable.setPlaceholder(new Label(texts.get("clientCheck.none")));
    }

    @FXML
    private void toggle() {
        // Put back until the model says: the echo server may take a moment to stop first.
        clientCheckBox.setSelected(check.onProperty().get());
        if (check.onProperty().get()) {
            check.turnOff();
        } else {
            check.turnOn();
        }
    }

    @FXML
    private void save() {
        FileChooser chooser = new FileChooser();
        chooser.getExtensionFilters().setAll(new FileChooser.ExtensionFilter("HTML", "*.html"),
                new FileChooser.ExtensionFilter("JSON", "*.json"));
        chooser.setInitialFileName("duplex-client-check.html");
        File file = chooser.showSaveDialog(clientCheckTable.getScene().getWindow());
        if (file != null) check.save(file.toPath(), texts::get, titles);
    }
}
