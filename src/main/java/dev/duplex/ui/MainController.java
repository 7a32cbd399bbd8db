package dev.duplex.ui;

import java.util.function.Consumer;

import dev.duplex.Version;
import dev.duplex.i18n.Texts;
import dev.duplex.model.Workbench;
import dev.duplex.model.client.ClientState;
import dev.duplex.model.client.ClientTab;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
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
    private final Workbench model;
    private final Texts texts;
    private final Consumer<String> languageSwitch;

    @FXML private ComboBox<String> languageBox;
    @FXML private Spinner<Integer> logCapSpinner;
    @FXML private Label appNoticeLabel;
    @FXML private TabPane clientTabs;

    public MainController(Workbench model, Texts texts, Consumer<String> languageSwitch) {
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
        bindClientTabs();
    }

    /**
     * One tab per client session, kept in step with the model both ways: the tab in front is the model's
     * current session, closing a tab closes its connection, and a session added anywhere gets its tab.
     */
    private void bindClientTabs() {
        for (ClientTab s : model.tabs()) clientTabs.getTabs().add(tabFor(s));
        model.tabs().addListener((ListChangeListener<ClientTab>) change -> {
            while (change.next()) {
                for (ClientTab gone : change.getRemoved()) clientTabs.getTabs().removeIf(t -> t.getUserData() == gone);
                int at = change.getFrom();
                for (ClientTab added : change.getAddedSubList()) clientTabs.getTabs().add(at++, tabFor(added));
            }
            lastTabStaysOpen();
        });
        lastTabStaysOpen();
        select(model.selectedTabProperty().get());
        clientTabs.getSelectionModel().selectedItemProperty().addListener((obs, before, tab) -> {
            if (tab != null && tab.getUserData() instanceof ClientTab s && model.selectedTabProperty().get() != s) {
                model.selectedTabProperty().set(s);
            }
        });
        model.selectedTabProperty().addListener((obs, before, s) -> select(s));
        // The tab brought to front takes the keyboard at its URL, as a new browser tab does.
        clientTabs.getSelectionModel().selectedItemProperty().addListener((obs, before, tab) -> {
            if (tab != null && tab.getContent() != null) {
                javafx.application.Platform.runLater(() -> {
                    var url = tab.getContent().lookup("#urlField");
                    if (url != null) url.requestFocus();
                });
            }
        });
    }

    private Tab tabFor(ClientTab s) {
        Tab tab = new Tab();
        tab.setUserData(s);
        tab.setContent(MainView.loadClientPane(model, s, texts));
        // The tab says where it points and, by a mark, whether it is connected.
        // Numbered as Ctrl+1 to 9 reach them.
        tab.textProperty().bind(Bindings.createStringBinding(
                () -> (model.tabs().indexOf(s) + 1) + " "
                        + (s.stateProperty().get() == ClientState.OPEN ? "● " : "○ ") + s.title(),
                s.urlProperty(), s.stateProperty(), model.tabs()));
        tab.setOnCloseRequest(event -> {
            event.consume(); // the model decides; the list listener removes the tab
            model.closeTab(s);
        });
        return tab;
    }

    private void lastTabStaysOpen() {
        boolean several = clientTabs.getTabs().size() > 1;
        for (Tab t : clientTabs.getTabs()) t.setClosable(several);
    }

    private void select(ClientTab s) {
        for (Tab t : clientTabs.getTabs()) {
            if (t.getUserData() == s) clientTabs.getSelectionModel().select(t);
        }
    }

    @FXML
    private void newTab() {
        model.addTab();
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
