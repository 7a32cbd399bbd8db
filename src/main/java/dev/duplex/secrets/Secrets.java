package dev.duplex.secrets;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.duplex.net.HandshakeRecord;

/**
 * What in a WebSocket upgrade is a secret, and the same upgrade with each secret masked: the credentials
 * and sessions of its headers (Authorization, Cookie, Set-Cookie, and headers named like a token, key or
 * password), and the query parameters named like one (token, access_token, api_key …, and the one the
 * user's query-token helper adds). Views show the masked form unless asked otherwise; files are written
 * with it unless the user ticks the box that says they hold the secrets.
 *
 * <p>The masked form keeps what helps to read a handshake: the header's name, an Authorization's scheme
 * ({@code Bearer ****}), each cookie's name ({@code session=****; theme=****}), the parameter's name.
 */
public final class Secrets {
    public static final String MASK = "****";
    private static final Set<String> HEADERS = Set.of("authorization", "proxy-authorization", "cookie", "set-cookie");
    private static final Set<String> PARAMS = Set.of("token", "access_token", "id_token", "refresh_token", "auth",
            "api_key", "apikey", "key", "password", "pass", "secret", "sig", "signature", "jwt", "ticket", "session");
    private static final List<String> NAME_PARTS = List.of("token", "secret", "password", "api-key", "apikey", "api_key");

    private Secrets() { }

    public static boolean isSecretHeader(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return HEADERS.contains(n) || NAME_PARTS.stream().anyMatch(n::contains);
    }

    static boolean isSecretParam(String name, Set<String> alsoSecret) {
        String n = name.toLowerCase(Locale.ROOT);
        return PARAMS.contains(n) || alsoSecret.contains(n) || NAME_PARTS.stream().anyMatch(n::contains);
    }

    /** Whether a header line as typed ({@code Name: value}) carries a secret; a line without a name carries none. */
    public static boolean isSecretHeaderLine(String line) {
        int colon = line.indexOf(':');
        return colon > 0 && isSecretHeader(line.substring(0, colon).strip());
    }

    /** A header's value as shown masked (the value itself when it is no secret). */
    public static String maskedValue(String name, String value) {
        if (!isSecretHeader(name)) return value;
        String n = name.toLowerCase(Locale.ROOT);
        if (n.equals("authorization") || n.equals("proxy-authorization")) {
            int space = value.indexOf(' ');
            return space > 0 ? value.substring(0, space) + " " + MASK : MASK;
        }
        if (n.equals("cookie")) {
            List<String> cookies = new ArrayList<>();
            for (String c : value.split(";")) {
                String t = c.strip();
                int eq = t.indexOf('=');
                if (!t.isEmpty()) cookies.add(eq > 0 ? t.substring(0, eq) + "=" + MASK : MASK);
            }
            return String.join("; ", cookies);
        }
        if (n.equals("set-cookie")) {
            int eq = value.indexOf('=');
            int semi = value.indexOf(';');
            return eq > 0 ? value.substring(0, eq) + "=" + MASK + (semi > eq ? value.substring(semi) : "") : MASK;
        }
        return MASK;
    }

    /** A request target or URL with the secret query parameters' values masked. */
    public static String maskedTarget(String target, Set<String> alsoSecret) {
        int q = target.indexOf('?');
        if (q < 0) return target;
        int hash = target.indexOf('#', q);
        String query = hash < 0 ? target.substring(q + 1) : target.substring(q + 1, hash);
        StringBuilder out = new StringBuilder(target.substring(0, q + 1));
        String[] pairs = query.split("&", -1);
        for (int i = 0; i < pairs.length; i++) {
            if (i > 0) out.append('&');
            int eq = pairs[i].indexOf('=');
            String name = eq < 0 ? pairs[i] : pairs[i].substring(0, eq);
            out.append(eq >= 0 && isSecretParam(decoded(name), alsoSecret) ? name + "=" + MASK : pairs[i]);
        }
        if (hash >= 0) out.append(target.substring(hash));
        return out.toString();
    }

    public static String maskedUrl(URI url, Set<String> alsoSecret) {
        return url == null ? "" : maskedTarget(url.toString(), alsoSecret);
    }

    /** The upgrade with its secrets masked: the request line's query, the request's and the response's headers. */
    public static HandshakeRecord masked(HandshakeRecord r, Set<String> alsoSecret) {
        if (r == null) return null;
        return new HandshakeRecord(maskedHead(r.request(), true, alsoSecret), maskedHead(r.response(), false, alsoSecret),
                r.tls(), r.tunnel());
    }

    private static String maskedHead(String head, boolean request, Set<String> alsoSecret) {
        if (head == null || head.isEmpty()) return head;
        String[] lines = head.split("\r\n", -1);
        StringBuilder out = new StringBuilder();
        boolean inHeaders = true;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (i > 0) out.append("\r\n");
            if (i == 0 && request) {
                String[] parts = line.split(" ", 3);
                out.append(parts.length == 3 ? parts[0] + " " + maskedTarget(parts[1], alsoSecret) + " " + parts[2] : line);
            } else if (i > 0 && inHeaders && !line.isEmpty()) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    String name = line.substring(0, colon);
                    String value = line.substring(colon + 1).strip();
                    out.append(isSecretHeader(name) ? name + ": " + maskedValue(name, value) : line);
                } else {
                    out.append(line);
                }
            } else {
                if (i > 0 && line.isEmpty()) inHeaders = false; // the body after the blank line is left as it is
                out.append(line);
            }
        }
        return out.toString();
    }

    private static String decoded(String s) {
        try {
            return java.net.URLDecoder.decode(s, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    /**
     * Whether a JSON text has a field named like a secret (token, password, authorization …) at any depth,
     * such as a GraphQL connection_init payload's {@code authToken}; text that is not JSON has none.
     */
    public static boolean hasSecretField(String json) {
        try (com.fasterxml.jackson.core.JsonParser p = new com.fasterxml.jackson.core.JsonFactory().createParser(json)) {
            for (var t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == com.fasterxml.jackson.core.JsonToken.FIELD_NAME
                        && (isSecretHeader(p.currentName()) || isSecretParam(p.currentName(), Set.of()))) return true;
            }
        } catch (java.io.IOException notJson) {
            return false;
        }
        return false;
    }
}
