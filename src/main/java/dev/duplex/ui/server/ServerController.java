package dev.duplex.ui.server;

import dev.duplex.i18n.EventText;
import dev.duplex.i18n.Texts;
import dev.duplex.model.server.ServerModel;
import dev.duplex.model.server.ServerState;
import dev.duplex.net.server.ReplyTemplate;
import dev.duplex.ui.Fxml;
import dev.duplex.ui.Notices;
import dev.duplex.ui.OnDemandViews;
import dev.duplex.ui.frames.WireTabs;
import dev.duplex.ui.log.LogController;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;

/**
 * The embedded echo server's pane: the form (port, bind address, path, reply), Start and Stop, what state
 * it is in, and its log, frames and handshake; its behaviour switches, limits and lab are panels of their own.
 * What is folded or in a tab behind the log is built when first shown (see {@link OnDemandViews}).
 */
public final class ServerController {
    private final ServerModel server;
    private final Texts texts;
    private final OnDemandViews views;

    @FXML private TextField portField;
    @FXML private ComboBox<String> bindBox;
    @FXML private TextField pathField;
    @FXML private ComboBox<String> replyBox;
    /** Set here, not in FXML: FXML's %key takes the text raw, and this one holds MessageFormat braces. */
    @FXML private Label replyHint;
    @FXML private Button startButton;
    @FXML private Button stopButton;
    @FXML private Label stateLabel;
    @FXML private Label clientsLabel;
    @FXML private Label warningLabel;
    @FXML private Label noticeLabel;
    @FXML private TitledPane behaviourPane;
    @FXML private TitledPane labPane;
    @FXML private TitledPane clientCheckPane;
    @FXML private Tab clientsTab;
    @FXML private Tab framesTab;
    @FXML private Tab handshakeTab;
    @FXML private LogController logController;

    /** @param views builds the folded panels and the hidden tabs, with the controller factory of this pane */
    public ServerController(ServerModel server, Texts texts, OnDemandViews views) {
        this.server = server;
        this.texts = texts;
        this.views = views;
    }

    @FXML
    private void initialize() {
        portField.textProperty().bindBidirectional(server.portProperty());
        bindBox.getItems().setAll("127.0.0.1", "::1", "0.0.0.0");
        bindBox.getEditor().textProperty().bindBidirectional(server.bindAddressProperty());
        pathField.textProperty().bindBidirectional(server.pathProperty());
        replyBox.getItems().setAll(ReplyTemplate.ECHO.template(), ReplyTemplate.SEED.template());
        replyBox.getEditor().textProperty().bindBidirectional(server.replyTemplateProperty());
        replyHint.setText(texts.get("server.reply.hint"));

        var state = server.stateProperty();
        var stopped = state.isEqualTo(ServerState.STOPPED);
        for (Node field : new Node[] {portField, bindBox, pathField, replyBox, startButton}) {
            field.disableProperty().bind(stopped.not());
        }
        stopButton.disableProperty().bind(state.isNotEqualTo(ServerState.RUNNING));
        stateLabel.textProperty().bind(Bindings.createStringBinding(
                () -> texts.get("server.state." + state.get(), server.urlProperty().get()),
                state, server.urlProperty()));
        clientsLabel.textProperty().bind(Bindings.createStringBinding(
                () -> texts.get("server.clients", server.clientCountProperty().get()), server.clientCountProperty()));
        warningLabel.visibleProperty().bind(server.allInterfacesProperty());
        warningLabel.managedProperty().bind(warningLabel.visibleProperty());
        Notices.bind(noticeLabel, server.noticeProperty(), texts);

        logController.bind(server.log(), EventText.Side.SERVER, server::clearLog);
        views.panel(behaviourPane, Fxml.view("behaviours/behaviours.fxml"));
        views.panel(labPane, Fxml.view("server/limits.fxml"));
        views.panel(clientCheckPane, Fxml.view("clientcheck/clientcheck.fxml"));
        views.tab(clientsTab, Fxml.view("lab/lab.fxml"));
        WireTabs.build(views, framesTab, handshakeTab, server.wire());
    }

    @FXML
    private void start() {
        server.start();
    }

    @FXML
    private void stop() {
        server.stop();
    }
}
