package dev.duplex.ui.proxy;

import java.util.Set;

import dev.duplex.i18n.Texts;
import dev.duplex.model.proxy.ProxyModel;
import dev.duplex.options.Field;
import dev.duplex.options.FieldProblem;
import dev.duplex.ui.Notices;
import dev.duplex.ui.ViewSubscriptions;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/**
 * The Proxy pane's form: where to listen, the upstream, the rules, trust and answer pings; Start and Stop,
 * the state and the URL to connect to (copyable); what does not check said under its field. The pairs are
 * {@link PairsController}'s, with the interception tab.
 */
public final class ProxyController {
    private final ProxyModel proxy;
    private final Texts texts;
    private final ViewSubscriptions subscriptions;

    @FXML private TextField listenField;
    @FXML private Label listenProblem;
    @FXML private TextField upstreamField;
    @FXML private Label upstreamProblem;
    @FXML private TitledPane rulesPane;
    @FXML private TextArea rewritesArea;
    @FXML private TextArea dropsArea;
    @FXML private TextArea delaysArea;
    @FXML private Label rulesHint;
    @FXML private Label rulesProblem;
    @FXML private TextArea trustArea;
    @FXML private Label trustProblem;
    @FXML private CheckBox answerPingsBox;
    @FXML private CheckBox tlsBox;
    @FXML private Label fingerprintLabel;
    @FXML private TextArea setHeadersArea;
    @FXML private TextArea removeHeadersArea;
    @FXML private Label headersProblem;
    @FXML private Button proxyStartButton;
    @FXML private Button proxyStopButton;
    @FXML private Label proxyStateLabel;
    @FXML private TextField proxyUrlField;
    @FXML private Button copyUrlButton;
    @FXML private Label proxyNotice;

    public ProxyController(ProxyModel proxy, Texts texts, ViewSubscriptions subscriptions) {
        this.proxy = proxy;
        this.texts = texts;
        this.subscriptions = subscriptions;
    }

    @FXML
    private void initialize() {
        listenField.textProperty().bindBidirectional(proxy.listenProperty());
        upstreamField.textProperty().bindBidirectional(proxy.upstreamProperty());
        rewritesArea.textProperty().bindBidirectional(proxy.rewritesProperty());
        dropsArea.textProperty().bindBidirectional(proxy.dropsProperty());
        delaysArea.textProperty().bindBidirectional(proxy.delaysProperty());
        trustArea.textProperty().bindBidirectional(proxy.trustProperty());
        answerPingsBox.selectedProperty().bindBidirectional(proxy.answerPingsProperty());
        tlsBox.selectedProperty().bindBidirectional(proxy.tlsProperty());
        // On wss://, the certificate clients must trust (or pin), by its fingerprint.
        fingerprintLabel.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() ->
                proxy.fingerprintProperty().get().isEmpty() ? "" : texts.get("proxy.fingerprint", proxy.fingerprintProperty().get()),
                proxy.fingerprintProperty()));
        fingerprintLabel.visibleProperty().bind(proxy.fingerprintProperty().isNotEmpty());
        fingerprintLabel.managedProperty().bind(fingerprintLabel.visibleProperty());
        setHeadersArea.textProperty().bindBidirectional(proxy.setHeadersProperty());
        removeHeadersArea.textProperty().bindBidirectional(proxy.removeHeadersProperty());
        // Set here, not in FXML: FXML's %key takes the text raw, and this one holds MessageFormat quotes.
        rulesHint.setText(texts.get("proxy.rules.hint"));

        var state = proxy.stateProperty();
        BooleanBinding stopped = state.isEqualTo(ProxyModel.State.STOPPED);
        for (Node field : new Node[] {listenField, upstreamField, rewritesArea, dropsArea, delaysArea, trustArea, answerPingsBox, tlsBox,
                setHeadersArea, removeHeadersArea,
                proxyStartButton}) {
            field.disableProperty().bind(stopped.not());
        }
        proxyStopButton.disableProperty().bind(state.isNotEqualTo(ProxyModel.State.RUNNING));
        proxyStateLabel.textProperty().bind(Bindings.createStringBinding(
                () -> texts.get("proxy.state." + state.get()), state));
        proxyUrlField.textProperty().bind(proxy.urlProperty());
        proxyUrlField.visibleProperty().bind(proxy.urlProperty().isNotEmpty());
        copyUrlButton.visibleProperty().bind(proxy.urlProperty().isNotEmpty());

        problem(listenProblem, Set.of(Field.LISTEN));
        problem(upstreamProblem, Set.of(Field.UPSTREAM));
        problem(rulesProblem, Set.of(Field.REWRITE, Field.DROP, Field.DELAY));
        problem(trustProblem, Set.of(Field.TRUST, Field.CONNECT_TIMEOUT));
        problem(headersProblem, Set.of(Field.SET_HEADER, Field.REMOVE_HEADER));
        // A problem in the folded rules shows them.
        subscriptions.onValue(proxy.problemProperty(), p -> {
            if (p != null && p.field() != Field.LISTEN && p.field() != Field.UPSTREAM) rulesPane.setExpanded(true);
        });
        Notices.bind(proxyNotice, proxy.noticeProperty(), texts);
    }

    /** Shows the form's problem under its field, in the current language; hidden when it is another's. */
    private void problem(Label label, Set<Field> fields) {
        var p = proxy.problemProperty();
        label.textProperty().bind(Bindings.createStringBinding(() -> {
            FieldProblem f = p.get();
            return f == null || !fields.contains(f.field()) ? "" : texts.get(f.key(), f.argArray());
        }, p));
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }

    @FXML
    private void start() {
        proxy.start();
    }

    @FXML
    private void stop() {
        proxy.stop();
    }

    @FXML
    private void copyUrl() {
        ClipboardContent content = new ClipboardContent();
        content.putString(proxy.urlProperty().get());
        Clipboard.getSystemClipboard().setContent(content);
    }
}
