package dev.duplex.ui.login;

import dev.duplex.model.client.Login;
import javafx.fxml.FXML;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;

/**
 * A client tab's login helpers: Basic user and password, a Bearer token, cookies and a query-string token.
 * The secrets are typed into password fields, so they are not on screen either.
 */
public final class LoginController {
    private final Login login;

    @FXML private TextField basicUserField;
    @FXML private PasswordField basicPasswordField;
    @FXML private PasswordField bearerField;
    @FXML private PasswordField cookiesField;
    @FXML private TextField queryNameField;
    @FXML private PasswordField queryValueField;

    public LoginController(Login login) {
        this.login = login;
    }

    @FXML
    private void initialize() {
        basicUserField.textProperty().bindBidirectional(login.basicUserProperty());
        basicPasswordField.textProperty().bindBidirectional(login.basicPasswordProperty());
        bearerField.textProperty().bindBidirectional(login.bearerProperty());
        cookiesField.textProperty().bindBidirectional(login.cookiesProperty());
        queryNameField.textProperty().bindBidirectional(login.queryNameProperty());
        queryValueField.textProperty().bindBidirectional(login.queryValueProperty());
    }
}
