package dev.duplex.ui.shell;

import java.util.function.Consumer;

import dev.duplex.Version;
import dev.duplex.i18n.Texts;
import dev.duplex.model.Workbench;
import dev.duplex.settings.Settings;
import dev.duplex.settings.ThemeChoice;
import dev.duplex.ui.Fxml;
import dev.duplex.ui.Notices;
import dev.duplex.ui.OnDemandViews;
import dev.duplex.ui.ViewSubscriptions;
import dev.duplex.ui.replay.ReplayTabs;
import dev.duplex.ui.theme.ThemeSwitch;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;

/**
 * The window's frame: language and theme switches, log limit, + New connection, Replay…, About, the app notice,
 * the Server and Proxy tabs on the left (the Proxy's built when first shown) and the tabs (client tabs, then
 * Replay tabs).
 */
public final class MainController {
    private final Workbench model;
    private final Texts texts;
    private final Consumer<String> languageSwitch;
    private final ViewSubscriptions subscriptions;
    private final OnDemandViews views;

    @FXML private ComboBox<String> languageBox;
    @FXML private ChoiceBox<ThemeChoice> themeBox;
    @FXML private Spinner<Integer> logCapSpinner;
    @FXML private Label appNoticeLabel;
    @FXML private TabPane clientTabs;
    @FXML private Tab proxyTab;
    @FXML private Tab checkTab;
    @FXML private Button newTabButton;

    public MainController(Workbench model, Texts texts, Consumer<String> languageSwitch,
            ViewSubscriptions subscriptions, OnDemandViews views) {
        this.model = model;
        this.views = views;
        this.texts = texts;
        this.languageSwitch = languageSwitch;
        this.subscriptions = subscriptions;
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
        ThemeSwitch.bind(themeBox, model.appearance(), texts, subscriptions);

        var factory = new SpinnerValueFactory.IntegerSpinnerValueFactory(
                Settings.MIN_LOG_CAP, Settings.MAX_LOG_CAP, model.logCapProperty().get(), 1_000);
        logCapSpinner.setValueFactory(factory);
        logCapSpinner.setEditable(true);
        factory.valueProperty().addListener((obs, old, cap) -> {
            if (cap != null) model.logCapProperty().set(cap);
        });
        Notices.bind(appNoticeLabel, model.appNoticeProperty(), texts);
        new ClientTabStrip(model, texts, subscriptions, clientTabs).bind();
        if (model.proxyInFrontProperty().get()) proxyTab.getTabPane().getSelectionModel().select(proxyTab);
        proxyTab.selectedProperty().addListener((o, was, now) -> model.proxyInFrontProperty().set(now));
        views.tab(proxyTab, Fxml.view("proxy/proxy.fxml"));
        views.tab(checkTab, Fxml.view("check/check.fxml"));
        new ReplayTabs(model, texts, subscriptions, clientTabs).bind();
        keepTopBarWhole();
    }

    /**
     * In a narrow window (the first start's 1200 pixels, with Replay… in the bar) every control of the top
     * bar shrank a little, all of them cut to "…"; now each keeps its width and only the tagline gives way.
     */
    private void keepTopBarWhole() {
        for (Node n : newTabButton.getParent().getChildrenUnmodifiable()) {
            boolean givesWay = n.getStyleClass().contains("app-tagline") || HBox.getHgrow(n) == Priority.ALWAYS;
            if (n instanceof Region r && !givesWay) r.setMinWidth(Region.USE_PREF_SIZE);
        }
    }

    @FXML
    private void newTab() {
        model.addTab();
    }

    /** A Replay tab beside the client tabs. */
    @FXML
    private void replay() {
        model.openReplay();
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
