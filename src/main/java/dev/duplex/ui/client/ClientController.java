package dev.duplex.ui.client;

import java.io.File;

import dev.duplex.i18n.EventText;
import dev.duplex.i18n.RouteText;
import dev.duplex.i18n.Texts;
import dev.duplex.model.client.ClientState;
import dev.duplex.model.client.ClientTab;
import dev.duplex.model.client.SharedCommands;
import dev.duplex.options.CurlInput;
import dev.duplex.ui.Fxml;
import dev.duplex.ui.Notices;
import dev.duplex.ui.OnDemandViews;
import dev.duplex.ui.frames.WireTabs;
import dev.duplex.ui.log.LogController;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.Tab;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.control.TitledPane;
import javafx.stage.FileChooser;

/**
 * One client tab's pane: the URL bar with Connect and Disconnect, the state and notice lines, Trust this
 * certificate, the File menu over the conversation, and the tab's log, frames and handshake. The options,
 * composer, control frames and burst are panels of their own. What is folded or in a tab behind the log is
 * built when first shown (see {@link OnDemandViews}).
 */
public final class ClientController {
    private final ClientTab tab;
    private final Texts texts;
    private final OnDemandViews views;

    @FXML private TextField urlField;
    @FXML private Button connectButton;
    @FXML private Button disconnectButton;
    @FXML private Label stateLabel;
    @FXML private Label noticeLabel;
    @FXML private Label routeLabel;
    @FXML private Button trustButton;
    @FXML private MenuButton fileMenu;
    @FXML private CheckMenuItem includeSecretsItem;
    @FXML private TitledPane optionsPane;
    @FXML private TitledPane loginPane;
    @FXML private TitledPane labPane;
    @FXML private TitledPane decodePane;
    @FXML private TitledPane burstPane;
    @FXML private Tab framesTab;
    @FXML private Tab handshakeTab;
    @FXML private Tab rulesTab;
    @FXML private LogController logController;

    /** @param views builds the folded panels and the hidden tabs, with the controller factory of this pane */
    public ClientController(ClientTab tab, Texts texts, OnDemandViews views) {
        this.tab = tab;
        this.texts = texts;
        this.views = views;
    }

    @FXML
    private void initialize() {
        urlField.textProperty().bindBidirectional(tab.urlProperty());
        // A browser's "Copy as cURL" pasted in the field: its settings go to the options, its URL in the field.
        // Only a paste (many characters at once): typing "curl w…" by hand is left as it is typed.
        urlField.setTextFormatter(new TextFormatter<>(change -> {
            if (change.isContentChange() && change.getText().length() > 5 && CurlInput.looksLikeCurl(change.getControlNewText())) {
                String taken = tab.commands().paste(change.getControlNewText());
                if (taken != null) {
                    change.setRange(0, change.getControlText().length());
                    change.setText(taken);
                    change.selectRange(taken.length(), taken.length());
                }
            }
            return change;
        }));
        var state = tab.stateProperty();
        urlField.disableProperty().bind(state.isNotEqualTo(ClientState.DISCONNECTED));
        connectButton.disableProperty().bind(state.isNotEqualTo(ClientState.DISCONNECTED));
        disconnectButton.disableProperty().bind(state.isNotEqualTo(ClientState.OPEN)
                .and(state.isNotEqualTo(ClientState.CONNECTING)));
        stateLabel.textProperty().bind(Bindings.createStringBinding(
                () -> texts.get("client.state." + state.get()), state));
        Notices.bind(noticeLabel, tab.noticeProperty(), texts);
        // Which proxy the URL goes through, and why (set in the tab, from which variable, or direct).
        RouteText routes = new RouteText(texts);
        routeLabel.textProperty().bind(Bindings.createStringBinding(() -> texts.get("client.route",
                tab.routeProperty().get() == null ? texts.get("route.invalid") : routes.describe(tab.routeProperty().get())),
                tab.routeProperty()));
        // Offered only after a refusal the user may overrule: a self-signed or expired certificate.
        trustButton.visibleProperty().bind(tab.refusedCertificateProperty().isNotNull());
        trustButton.managedProperty().bind(trustButton.visibleProperty());

        includeSecretsItem.selectedProperty().bindBidirectional(tab.includeSecretsProperty());
        logController.bind(tab.log(), EventText.Side.CLIENT, tab::clearLog);
        logController.lead(fileMenu);
        views.panel(optionsPane, Fxml.view("options/options.fxml"));
        views.panel(loginPane, Fxml.view("login/login.fxml"));
        views.panel(decodePane, Fxml.view("decode/decode.fxml"));
        views.tab(rulesTab, Fxml.view("rules/rules.fxml"));
        views.panel(labPane, Fxml.view("control/control.fxml"));
        views.panel(burstPane, Fxml.view("burst/burst.fxml"));
        WireTabs.build(views, framesTab, handshakeTab, tab.wire());
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
    private void trustCertificate() {
        tab.trustRefusedCertificate();
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

    // ---- the tab as a command for others ----

    @FXML
    private void copyDuplex() {
        copy(SharedCommands.Tool.DUPLEX);
    }

    @FXML
    private void copyWebsocat() {
        copy(SharedCommands.Tool.WEBSOCAT);
    }

    @FXML
    private void copyWscat() {
        copy(SharedCommands.Tool.WSCAT);
    }

    private void copy(SharedCommands.Tool tool) {
        String command = tab.commands().command(tool);
        if (command == null) return;
        ClipboardContent content = new ClipboardContent();
        content.putString(command);
        Clipboard.getSystemClipboard().setContent(content);
        tab.commands().copied(tool);
    }

    private File chooseFile(boolean save, String suggested, FileChooser.ExtensionFilter... filters) {
        FileChooser chooser = new FileChooser();
        chooser.getExtensionFilters().setAll(filters);
        if (suggested != null) chooser.setInitialFileName(suggested);
        var window = urlField.getScene().getWindow();
        return save ? chooser.showSaveDialog(window) : chooser.showOpenDialog(window);
    }
}
