package dev.duplex.ui;

import java.util.function.Consumer;

import dev.duplex.Version;
import dev.duplex.i18n.Texts;
import dev.duplex.model.ConnectionModel;
import dev.duplex.settings.Settings;
import javafx.fxml.FXML;
import javafx.scene.control.Alert;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.util.StringConverter;

/** The window's frame: language switch, log limit, About, and the app-wide notice line. */
public final class MainController {
    private final ConnectionModel model;
    private final Texts texts;
    private final Consumer<String> languageSwitch;

    @FXML private ComboBox<String> languageBox;
    @FXML private Spinner<Integer> logCapSpinner;
    @FXML private Label appNoticeLabel;

    public MainController(ConnectionModel model, Texts texts, Consumer<String> languageSwitch) {
        this.model = model;
        this.texts = texts;
        this.languageSwitch = languageSwitch;
    }

    @FXML
    private void initialize() {
        languageBox.getItems().setAll(Texts.LANGUAGES);
        languageBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(String code) {
                return code == null ? "" : texts.get(code.isEmpty() ? "lang.system" : "lang." + code);
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        languageBox.setValue(model.languageProperty().get());
        languageBox.valueProperty().addListener((obs, old, code) -> {
            if (code != null && !code.equals(old)) languageSwitch.accept(code);
        });

        var factory = new SpinnerValueFactory.IntegerSpinnerValueFactory(
                Settings.MIN_LOG_CAP, Settings.MAX_LOG_CAP, model.logCapProperty().get(), 1_000);
        logCapSpinner.setValueFactory(factory);
        logCapSpinner.setEditable(true);
        factory.valueProperty().addListener((obs, old, cap) -> {
            if (cap != null) model.logCapProperty().set(cap);
        });
        Notices.bind(appNoticeLabel, model.appNoticeProperty(), texts);
    }

    @FXML
    private void about() {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.setTitle(texts.get("about.title"));
        alert.setHeaderText(texts.get("app.title", Version.get()));
        alert.setContentText(texts.get("about.text", Version.get(), System.getProperty("java.version"),
                System.getProperty("javafx.runtime.version", "?")));
        alert.show();
    }
}
