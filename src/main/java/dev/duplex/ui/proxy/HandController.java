package dev.duplex.ui.proxy;

import dev.duplex.i18n.Texts;
import dev.duplex.model.proxy.Interceptor;
import dev.duplex.model.proxy.ProxyModel;
import dev.duplex.model.proxy.ProxyPair;
import dev.duplex.net.proxy.Direction;
import dev.duplex.net.proxy.Leg;
import dev.duplex.ui.EnumNames;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableValue;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;

/**
 * Into the pair selected in the pairs table, by hand: a message of one's own (text, or bytes in hex) toward
 * the server or the client, and closing the client's or the server's leg with a code and a reason.
 */
public final class HandController {
    private final ProxyModel proxy;
    private final Interceptor hand;
    private final Texts texts;

    @FXML private Label handTitle;
    @FXML private ComboBox<Direction> injectTowardBox;
    @FXML private CheckBox injectHexBox;
    @FXML private TextField injectField;
    @FXML private Button injectButton;
    @FXML private ComboBox<Leg> closeLegBox;
    @FXML private TextField closeCodeField;
    @FXML private TextField closeReasonField;
    @FXML private Button closeLegButton;

    public HandController(ProxyModel proxy, Texts texts) {
        this.proxy = proxy;
        this.hand = proxy.interceptor();
        this.texts = texts;
    }

    @FXML
    private void initialize() {
        injectTowardBox.getItems().setAll(Direction.values());
        injectTowardBox.setConverter(EnumNames.converter(texts, "proxy.inject.toward."));
        injectTowardBox.valueProperty().bindBidirectional(hand.injectTowardProperty());
        injectHexBox.selectedProperty().bindBidirectional(hand.injectHexProperty());
        injectField.textProperty().bindBidirectional(hand.injectTextProperty());
        closeLegBox.getItems().setAll(Leg.values());
        closeLegBox.setConverter(EnumNames.converter(texts, "proxy.leg."));
        closeLegBox.valueProperty().bindBidirectional(hand.closeLegProperty());
        closeCodeField.textProperty().bindBidirectional(hand.closeCodeProperty());
        closeReasonField.textProperty().bindBidirectional(hand.closeReasonProperty());

        var selected = proxy.selectedProperty();
        // The selected pair's state: open, the buttons work; else they wait.
        ObservableValue<ProxyPair.State> state = selected.flatMap(ProxyPair::stateProperty);
        BooleanBinding notOpen = Bindings.createBooleanBinding(() -> state.getValue() != ProxyPair.State.OPEN, state);
        for (Node c : new Node[] {injectButton, closeLegButton}) c.disableProperty().bind(notOpen);
        handTitle.textProperty().bind(Bindings.createStringBinding(() -> {
            ProxyPair p = selected.get();
            return p == null ? texts.get("proxy.hand.none") : texts.get("proxy.hand.pair", p.number(), p.client());
        }, selected));
    }

    @FXML
    private void inject() {
        hand.inject(proxy.selectedProperty().get());
    }

    @FXML
    private void closeLeg() {
        hand.closeLeg(proxy.selectedProperty().get());
    }
}
