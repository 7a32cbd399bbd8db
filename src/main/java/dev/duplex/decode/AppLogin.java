package dev.duplex.decode;

import java.util.Optional;

/**
 * The application protocol's own login, sent in its CONNECT (STOMP's login and passcode, MQTT's user name and
 * password), as distinct from an HTTP login on the handshake. Typed {@code USER[:PASSWORD]}, as curl's
 * {@code --user}; a password may hold colons, a user name may not.
 */
public record AppLogin(String user, Optional<String> password) {
    public AppLogin {
        if (user == null || user.isEmpty()) throw new IllegalArgumentException("a login needs a user name");
        password = password == null ? Optional.empty() : password;
    }

    /** {@code USER[:PASSWORD]} as typed; empty for nothing typed. */
    public static Optional<AppLogin> parse(String typed) {
        if (typed == null || typed.isEmpty()) return Optional.empty();
        int colon = typed.indexOf(':');
        if (colon == 0) return Optional.empty();
        return Optional.of(colon < 0 ? new AppLogin(typed, Optional.empty())
                : new AppLogin(typed.substring(0, colon), Optional.of(typed.substring(colon + 1))));
    }

    /** A user name and a password from two fields ("" for none); empty without a user name. */
    public static Optional<AppLogin> of(String user, String password) {
        if (user == null || user.isEmpty()) return Optional.empty();
        return Optional.of(new AppLogin(user, password == null || password.isEmpty() ? Optional.empty() : Optional.of(password)));
    }

    @Override
    public String toString() {
        return "AppLogin[" + user + (password.isPresent() ? ":•••" : "") + "]"; // never the password, even in a trace
    }
}
