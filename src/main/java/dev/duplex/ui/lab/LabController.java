package dev.duplex.ui.lab;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import dev.duplex.model.server.ServerClient;
import dev.duplex.model.server.ServerClients;
import dev.duplex.model.server.ServerLab;
import dev.duplex.ui.ViewSubscriptions;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableLongValue;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;

/**
 * The server lab: one row per connected client, counted both ways as messages go; choosing a row
 * chooses whom Send, Ping and Close act on, and Send to all broadcasts.
 */
public final class LabController {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final ServerClients clients;
    private final ServerLab lab;
    private final ViewSubscriptions subscriptions;

    @FXML private TableView<ServerClient> clientTable;
    @FXML private TableColumn<ServerClient, String> peerColumn;
    @FXML private TableColumn<ServerClient, String> pathColumn;
    @FXML private TableColumn<ServerClient, String> originColumn;
    @FXML private TableColumn<ServerClient, String> subprotocolColumn;
    @FXML private TableColumn<ServerClient, String> sinceColumn;
    @FXML private TableColumn<ServerClient, String> inColumn;
    @FXML private TableColumn<ServerClient, String> outColumn;
    @FXML private TextField pushField;
    @FXML private TextField serverPingPayloadField;
    @FXML private TextField serverCloseCodeField;
    @FXML private TextField serverCloseReasonField;

    public LabController(ServerClients clients, ServerLab lab, ViewSubscriptions subscriptions) {
        this.clients = clients;
        this.lab = lab;
        this.subscriptions = subscriptions;
    }

    @FXML
    private void initialize() {
        clientTable.setItems(clients.rows());
        peerColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().peer()));
        pathColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().path()));
        originColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().origin()));
        subprotocolColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().subprotocol()));
        sinceColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(TIME.format(c.getValue().connectedAt())));
        // "messages / bytes": the header is short, the tooltip says it whole.
        inColumn.setCellValueFactory(c -> counts(c.getValue().messagesInProperty(), c.getValue().bytesInProperty()));
        outColumn.setCellValueFactory(c -> counts(c.getValue().messagesOutProperty(), c.getValue().bytesOutProperty()));
        clientTable.getSelectionModel().selectedItemProperty().addListener((obs, before, row) -> {
            if (row != null) clients.selectedProperty().set(row.peer());
        });
        // A newcomer is chosen when nobody is, as the model does: keep the table's selection in step, from
        // the one chosen before this view was first shown on.
        subscriptions.onValue(clients.selectedProperty(), this::selectRow);
        subscriptions.onListChange(clients.rows(), (ListChangeListener<ServerClient>) change ->
                selectRow(clients.selectedProperty().get()));

        pushField.textProperty().bindBidirectional(lab.pushProperty());
        serverPingPayloadField.textProperty().bindBidirectional(lab.pingPayloadProperty());
        serverCloseCodeField.textProperty().bindBidirectional(lab.closeCodeProperty());
        serverCloseReasonField.textProperty().bindBidirectional(lab.closeReasonProperty());
    }

    private void selectRow(String peer) {
        ServerClient chosen = clientTable.getSelectionModel().getSelectedItem();
        if (peer == null || (chosen != null && chosen.peer().equals(peer))) return;
        for (ServerClient row : clients.rows()) {
            if (row.peer().equals(peer)) {
                clientTable.getSelectionModel().select(row);
                return;
            }
        }
    }

    private static ObservableValue<String> counts(ObservableLongValue messages, ObservableLongValue bytes) {
        return Bindings.createStringBinding(() -> messages.get() + " / " + bytes.get() + " B", messages, bytes);
    }

    @FXML
    private void push() {
        lab.pushToClient();
    }

    @FXML
    private void broadcast() {
        lab.broadcast();
    }

    @FXML
    private void pingClient() {
        lab.pingClient();
    }

    @FXML
    private void closeClient() {
        lab.closeClient();
    }
}
