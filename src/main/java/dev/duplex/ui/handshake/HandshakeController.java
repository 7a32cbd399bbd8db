package dev.duplex.ui.handshake;

import dev.duplex.i18n.HandshakeText;
import dev.duplex.i18n.Texts;
import dev.duplex.net.WsEvent;
import dev.duplex.secrets.Masking;
import dev.duplex.ui.ViewSubscriptions;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;

/**
 * The handshake explainer, one per side: the last upgrade request and its answer as they crossed the
 * wire, header by header with a plain-language explanation on hover, the Sec-WebSocket-Accept check
 * spelled out, what was negotiated, the body of a refusal; and a calculator for any key.
 */
public final class HandshakeController {
    private static final PseudoClass TITLE = PseudoClass.getPseudoClass("title");
    private static final PseudoClass OK = PseudoClass.getPseudoClass("ok");
    private static final PseudoClass BAD = PseudoClass.getPseudoClass("bad");

    @FXML private CheckBox revealBox;
    @FXML private ListView<HandshakeText.Line> linesView;
    @FXML private TextField keyField;
    @FXML private TextArea stepsArea;

    private final Texts texts;
    private final ViewSubscriptions subscriptions;
    private final HandshakeText explainer;
    /** The handshake shown, to show again when its secrets are revealed or masked. */
    private WsEvent.Handshake shown;

    /** More query parameters to mask: a client tab's query-token helper's. */
    private final java.util.function.Supplier<java.util.Set<String>> secretParams;

    public HandshakeController(Texts texts, ViewSubscriptions subscriptions) {
        this(texts, subscriptions, java.util.Set::of);
    }

    public HandshakeController(Texts texts, ViewSubscriptions subscriptions,
            java.util.function.Supplier<java.util.Set<String>> secretParams) {
        this.texts = texts;
        this.subscriptions = subscriptions;
        this.explainer = new HandshakeText(texts);
        this.secretParams = secretParams;
    }

    @FXML
    private void initialize() {
        linesView.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(HandshakeText.Line line, boolean empty) {
                super.updateItem(line, empty);
                HandshakeText.Kind kind = empty || line == null ? null : line.kind();
                pseudoClassStateChanged(TITLE, kind == HandshakeText.Kind.TITLE);
                pseudoClassStateChanged(OK, kind == HandshakeText.Kind.OK);
                pseudoClassStateChanged(BAD, kind == HandshakeText.Kind.BAD);
                setText(kind == null ? null : line.text());
                setTooltip(kind == null || line.tip() == null || line.tip().isEmpty() ? null : new Tooltip(line.tip()));
            }
        });
        linesView.setPlaceholder(new Label(texts.get("handshake.none")));
        keyField.textProperty().addListener((o, a, key) -> stepsArea.setText(explainer.acceptSteps(key, null)));
        // The seed's worked example, ready to read.
        keyField.setText("PCD+pA79juC6tlBK9zD3Vw==");
        // Secrets (Authorization, cookies, tokens) are masked until asked for, and again in every new view.
        revealBox.selectedProperty().addListener((o, was, now) -> show(shown));
    }

    /** Shows this side's last handshake; called once by the pane that includes this view. */
    public void bind(ObservableValue<WsEvent.Handshake> handshake) {
        subscriptions.onValue(handshake, this::show);
    }

    private void show(WsEvent.Handshake h) {
        shown = h;
        if (h == null) linesView.getItems().clear();
        else linesView.getItems().setAll(explainer.lines(h, new Masking(revealBox.isSelected(), secretParams.get())));
    }
}
