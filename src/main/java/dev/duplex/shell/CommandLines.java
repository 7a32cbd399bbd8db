package dev.duplex.shell;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One client tab as commands others can run: {@code duplex connect}, {@code websocat} and {@code wscat}, each
 * with the same URL, Origin, headers and subprotocols (and proxy, where the tool has an option for it),
 * quoted for a POSIX shell.
 *
 * @param url          where to connect
 * @param origin       the Origin sent, or null for none
 * @param headers      the other headers, by name, in order
 * @param subprotocols offered, in order
 * @param proxy        the proxy URL ({@code http://…}, {@code socks5://…}), or null for none
 */
public record CommandLines(URI url, String origin, Map<String, String> headers, List<String> subprotocols, String proxy) {
    /** What a POSIX shell takes as it is, unquoted. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    public String duplex() {
        List<String> w = new ArrayList<>(List.of("duplex", "connect", url.toString()));
        if (origin == null) w.add("--no-origin");
        else w.addAll(List.of("--origin", origin));
        headers.forEach((name, value) -> w.addAll(List.of("--header", name + ": " + value)));
        for (String p : subprotocols) w.addAll(List.of("--subprotocol", p));
        if (proxy != null) w.addAll(List.of("--proxy", proxy));
        return join(w);
    }

    /**
     * websocat (1.x): {@code -H} per header, {@code --origin}, {@code --protocol} with the offer joined. Of
     * proxies it takes SOCKS5 only ({@code --socks5 HOST:PORT}); an HTTP proxy is left out, with a comment
     * that says so.
     */
    public String websocat() {
        List<String> w = new ArrayList<>(List.of("websocat"));
        if (origin != null) w.addAll(List.of("--origin", origin));
        headers.forEach((name, value) -> w.addAll(List.of("-H", name + ": " + value)));
        if (!subprotocols.isEmpty()) w.addAll(List.of("--protocol", String.join(", ", subprotocols)));
        boolean socks = proxy != null && proxy.toLowerCase(java.util.Locale.ROOT).startsWith("socks5");
        if (socks) w.addAll(List.of("--socks5", URI.create(proxy).getRawAuthority().replaceFirst("^.*@", "")));
        w.add(url.toString());
        String line = join(w);
        return proxy != null && !socks ? line + "  # websocat has no option for an HTTP proxy: " + proxy : line;
    }

    /** wscat (npm): {@code -c URL}, {@code -o} the Origin, {@code -H} per header, {@code -s} per subprotocol, {@code --proxy}. */
    public String wscat() {
        List<String> w = new ArrayList<>(List.of("wscat", "-c", url.toString()));
        if (origin != null) w.addAll(List.of("-o", origin));
        headers.forEach((name, value) -> w.addAll(List.of("-H", name + ": " + value)));
        for (String p : subprotocols) w.addAll(List.of("-s", p));
        if (proxy != null) w.addAll(List.of("--proxy", proxy));
        return join(w);
    }

    /**
     * {@code duplexCommand} with a tab's client certificate, key and CA file as {@code --client-cert},
     * {@code --client-key} and {@code --ca}; never the password (who runs it gives {@code --client-cert-password}).
     * Each path may be null or blank for none.
     */
    public static String withClientTls(String duplexCommand, String certificate, String key, String authorities) {
        List<String> w = new ArrayList<>();
        if (certificate != null && !certificate.isBlank()) w.addAll(List.of("--client-cert", certificate.strip()));
        if (key != null && !key.isBlank()) w.addAll(List.of("--client-key", key.strip()));
        if (authorities != null && !authorities.isBlank()) w.addAll(List.of("--ca", authorities.strip()));
        return w.isEmpty() ? duplexCommand : duplexCommand + " " + join(w);
    }

    /**
     * {@code wscatCommand} with the client certificate, key and CA file as wscat takes them ({@code --cert},
     * {@code --key}, {@code --ca}: PEM files; a PKCS#12 file wscat cannot read, and the line says so). Never
     * the password: wscat asks for it ({@code --passphrase} with no value).
     */
    public static String wscatWithClientTls(String wscatCommand, String certificate, String key, String authorities) {
        List<String> w = new ArrayList<>();
        boolean pkcs12 = certificate != null && certificate.strip().toLowerCase(java.util.Locale.ROOT).matches(".*\\.(p12|pfx)");
        if (certificate != null && !certificate.isBlank() && !pkcs12) w.addAll(List.of("--cert", certificate.strip()));
        if (key != null && !key.isBlank() && !pkcs12) w.addAll(List.of("--key", key.strip()));
        if (authorities != null && !authorities.isBlank()) w.addAll(List.of("--ca", authorities.strip()));
        String line = w.isEmpty() ? wscatCommand : wscatCommand + " " + join(w);
        return pkcs12 ? line + "  # wscat reads PEM only: convert " + certificate.strip() + " with openssl pkcs12" : line;
    }

    private static String join(List<String> words) {
        StringBuilder out = new StringBuilder();
        for (String word : words) {
            if (out.length() > 0) out.append(' ');
            out.append(quoted(word));
        }
        return out.toString();
    }

    /** A word as a POSIX shell reads it back: as it is when plain, else in single quotes ('\'' for a quote). */
    static String quoted(String word) {
        if (!word.isEmpty() && PLAIN.matcher(word).matches()) return word;
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
