package dev.duplex.options;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.duplex.net.client.ClientOptions;

/**
 * The login helpers of a connection, as typed: Basic (a user and a password), a Bearer token, cookies
 * ({@code name=value; …}) and a token in the query string ({@code NAME} and its value). Each becomes what a
 * browser's page would have sent: an Authorization header, a Cookie header (after any typed in the headers),
 * a query parameter. Each text may be null or blank for "not used".
 */
public record AuthInput(String basicUser, String basicPassword, String bearer, String cookies, String queryName,
        String queryValue) {
    public static final AuthInput NONE = new AuthInput(null, null, null, null, null, null);

    /**
     * What the helpers add.
     *
     * @param authorization the Authorization value, or null
     * @param cookie        the Cookie value, or null
     * @param queryName     the query parameter's name, or null
     */
    public record Auth(String authorization, String cookie, String queryName, String queryValue) {
        public static final Auth NONE = new Auth(null, null, null, null);

        /** The connection with what the helpers add: the query parameter on the URL, the headers on the options. */
        public ClientInput.Connection applyTo(ClientInput.Connection c) {
            URI url = c.url();
            if (queryName != null) {
                String s = url.toString();
                int hash = s.indexOf('#');
                String base = hash < 0 ? s : s.substring(0, hash);
                String param = encode(queryName) + "=" + encode(queryValue);
                url = URI.create(base + (url.getRawQuery() == null ? "?" : "&") + param);
            }
            Map<String, String> headers = new LinkedHashMap<>(c.options().headers());
            if (authorization != null) {
                headers.keySet().removeIf(n -> n.equalsIgnoreCase("Authorization"));
                headers.put("Authorization", authorization);
            }
            if (cookie != null) {
                String typed = null;
                for (var it = headers.entrySet().iterator(); it.hasNext(); ) {
                    var e = it.next();
                    if (e.getKey().equalsIgnoreCase("Cookie")) {
                        typed = e.getValue();
                        it.remove();
                    }
                }
                headers.put("Cookie", typed == null || typed.isBlank() ? cookie : typed + "; " + cookie);
            }
            ClientOptions o = c.options();
            return new ClientInput.Connection(url, new ClientOptions(o.origin(), headers, o.connectTimeoutMs(),
                    o.subprotocols(), o.deflate(), o.maxMessage()));
        }

        /** The query parameter this adds, masked as a secret wherever the URL is shown or saved. */
        public Set<String> secretParams() {
            return queryName == null ? Set.of() : Set.of(queryName.toLowerCase(Locale.ROOT));
        }

        private static String encode(String s) {
            return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
        }
    }

    /** What the helpers add, or the first field that does not check. */
    public Checked<Auth> auth() {
        String user = Typed.text(basicUser).strip();
        String password = Typed.text(basicPassword);
        String token = Typed.text(bearer).strip();
        String cookieText = Typed.text(cookies).strip();
        String qName = Typed.text(queryName).strip();
        String qValue = Typed.text(queryValue).strip();
        if (user.contains(":") || Typed.hasControl(user)) return Checked.bad(Field.AUTH_USER, "form.auth.user", user);
        if (Typed.hasControl(password)) return Checked.bad(Field.AUTH_PASSWORD, "form.auth.control");
        if (!token.isEmpty() && !user.isEmpty()) return Checked.bad(Field.AUTH_BEARER, "form.auth.both");
        if (Typed.hasControl(token) || token.contains(" ")) return Checked.bad(Field.AUTH_BEARER, "form.auth.bearer");
        String authorization = !user.isEmpty()
                ? "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8))
                : !token.isEmpty() ? "Bearer " + token : null;
        String cookie = null;
        if (!cookieText.isEmpty()) {
            StringBuilder joined = new StringBuilder();
            for (String c : cookieText.split(";")) {
                String t = c.strip();
                if (t.isEmpty()) continue;
                int eq = t.indexOf('=');
                if (eq <= 0 || !Typed.token(t.substring(0, eq).strip()) || Typed.hasControl(t)) {
                    return Checked.bad(Field.AUTH_COOKIES, "form.auth.cookie", t);
                }
                if (joined.length() > 0) joined.append("; ");
                joined.append(t.substring(0, eq).strip()).append('=').append(t.substring(eq + 1).strip());
            }
            cookie = joined.toString();
        }
        if (qName.isEmpty() != qValue.isEmpty()) return Checked.bad(Field.AUTH_QUERY, "form.auth.query");
        if (!qName.isEmpty() && !Typed.token(qName)) return Checked.bad(Field.AUTH_QUERY, "form.auth.queryName", qName);
        return Checked.ok(new Auth(authorization, cookie, qName.isEmpty() ? null : qName, qName.isEmpty() ? null : qValue));
    }
}
