package dev.duplex.model.client;

import dev.duplex.options.AuthInput;
import dev.duplex.options.Checked;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * A client tab's login helpers: Basic, a Bearer token, cookies and a query-string token, which become what
 * a browser's page would send (see {@link AuthInput}). They are never kept with a saved connection, and
 * their secrets are masked in the views and files. FX thread only.
 */
public final class Login {
    private final StringProperty basicUser = new SimpleStringProperty(this, "basicUser", "");
    private final StringProperty basicPassword = new SimpleStringProperty(this, "basicPassword", "");
    private final StringProperty bearer = new SimpleStringProperty(this, "bearer", "");
    private final StringProperty cookies = new SimpleStringProperty(this, "cookies", "");
    private final StringProperty queryName = new SimpleStringProperty(this, "queryName", "");
    private final StringProperty queryValue = new SimpleStringProperty(this, "queryValue", "");

    Login() { }

    /** What the helpers add, or the first field that does not check. */
    Checked<AuthInput.Auth> auth() {
        return new AuthInput(basicUser.get(), basicPassword.get(), bearer.get(), cookies.get(), queryName.get(),
                queryValue.get()).auth();
    }

    /** The query parameter the helper adds, to mask wherever a URL is shown or saved. */
    public java.util.Set<String> secretParams() {
        String name = queryName.get() == null ? "" : queryName.get().strip();
        return name.isEmpty() ? java.util.Set.of() : java.util.Set.of(name.toLowerCase(java.util.Locale.ROOT));
    }

    public StringProperty basicUserProperty() { return basicUser; }
    public StringProperty basicPasswordProperty() { return basicPassword; }
    public StringProperty bearerProperty() { return bearer; }
    public StringProperty cookiesProperty() { return cookies; }
    public StringProperty queryNameProperty() { return queryName; }
    public StringProperty queryValueProperty() { return queryValue; }
}
