package dev.duplex.options;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;


/**
 * A browser's "Copy as cURL" of a WebSocket request (Chrome's and Firefox's, as bash writes them) read as a
 * client tab's settings: the URL (https:// and http:// read as wss:// and ws://, for a request copied from
 * elsewhere), the Origin, the subprotocols offered, and every other header as it was sent. The headers of
 * the upgrade itself (the browser's own Sec-WebSocket-Key, Version and Extensions, Upgrade, Connection,
 * Host) are dropped: each connection makes its own. Cookies ({@code -b}), the User-Agent ({@code -A}),
 * the Referer ({@code -e}) and a user and password ({@code -u}, as Basic) become headers too.
 *
 * @param url          as typed in the URL field
 * @param origin       the Origin header, or null when the request had none
 * @param headers      {@code Name: value} lines, in the order they came
 * @param subprotocols in the order offered
 * @param dropped      what was left out, for the user to see (header names and options)
 */
public record CurlInput(String url, String origin, List<String> headers, List<String> subprotocols, List<String> dropped) {
    /** The upgrade's own headers: each connection writes its own. Lower case. */
    private static final Set<String> UPGRADE_OWN = Set.of("sec-websocket-key", "sec-websocket-version",
            "sec-websocket-extensions", "sec-websocket-accept", "upgrade", "connection", "host", "content-length");
    /** curl options with a value that say nothing of a WebSocket upgrade: skipped with it. */
    private static final Set<String> SKIPPED_WITH_VALUE = Set.of("-X", "--request", "-o", "--output", "-m",
            "--max-time", "--connect-timeout", "-w", "--write-out", "--data", "-d", "--data-raw", "--data-binary");

    /** Whether a pasted text is a curl command at all (else it is a URL). */
    public static boolean looksLikeCurl(String typed) {
        String t = typed == null ? "" : typed.strip();
        return t.startsWith("curl ") || t.startsWith("curl\t") || t.startsWith("curl\\\n") || t.equals("curl");
    }

    /** Reads the command; a problem is on the URL field, as the text was pasted there. */
    public static Checked<CurlInput> parse(String typed) {
        List<String> words;
        try {
            words = ShellWords.split(typed == null ? "" : typed.strip());
        } catch (ShellWords.Unclosed e) {
            return Checked.bad(Field.URL, "form.curl.quote", String.valueOf(e.quote));
        }
        if (words.isEmpty() || !words.get(0).equals("curl")) return Checked.bad(Field.URL, "form.curl.notCurl");
        String url = null;
        String origin = null;
        List<String> headers = new ArrayList<>();
        List<String> offered = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        for (int i = 1; i < words.size(); i++) {
            String w = words.get(i);
            String value = i + 1 < words.size() ? words.get(i + 1) : null;
            switch (w) {
                case "-H", "--header" -> {
                    if (value == null) return Checked.bad(Field.URL, "form.curl.value", w);
                    i++;
                    int colon = value.indexOf(':');
                    if (colon <= 0) {
                        dropped.add(value);
                        continue;
                    }
                    String name = value.substring(0, colon).strip();
                    String v = value.substring(colon + 1).strip();
                    String lower = name.toLowerCase(Locale.ROOT);
                    if (lower.equals("origin")) origin = v;
                    else if (lower.equals("sec-websocket-protocol")) {
                        for (String p : v.split(",")) if (!p.isBlank()) offered.add(p.strip());
                    } else if (UPGRADE_OWN.contains(lower)) dropped.add(name);
                    else headers.add(name + ": " + v);
                }
                case "-b", "--cookie" -> {
                    if (value == null) return Checked.bad(Field.URL, "form.curl.value", w);
                    i++;
                    headers.add("Cookie: " + value);
                }
                case "-A", "--user-agent" -> {
                    if (value == null) return Checked.bad(Field.URL, "form.curl.value", w);
                    i++;
                    headers.add("User-Agent: " + value);
                }
                case "-e", "--referer" -> {
                    if (value == null) return Checked.bad(Field.URL, "form.curl.value", w);
                    i++;
                    headers.add("Referer: " + value);
                }
                case "-u", "--user" -> {
                    if (value == null) return Checked.bad(Field.URL, "form.curl.value", w);
                    i++;
                    headers.add("Authorization: Basic " + Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)));
                }
                case "--url" -> {
                    if (value == null) return Checked.bad(Field.URL, "form.curl.value", w);
                    i++;
                    url = value;
                }
                default -> {
                    if (SKIPPED_WITH_VALUE.contains(w)) {
                        i++;
                        dropped.add(w);
                    } else if (w.startsWith("-")) {
                        dropped.add(w); // --compressed, --insecure, -i, -s …: nothing a WebSocket tab takes
                    } else if (url == null) {
                        url = w;
                    } else {
                        return Checked.bad(Field.URL, "form.curl.twoUrls", url, w);
                    }
                }
            }
        }
        if (url == null) return Checked.bad(Field.URL, "form.curl.noUrl");
        return Checked.ok(new CurlInput(webSocketUrl(url), origin, List.copyOf(headers), List.copyOf(offered),
                List.copyOf(dropped)));
    }

    /** The tab's settings as the options layer reads them (the Origin sent only when the request had one). */
    public ClientInput input(String connectTimeout) {
        return new ClientInput(url, origin != null, origin == null ? "" : origin, String.join("\n", headers),
                String.join(", ", subprotocols), false, connectTimeout);
    }

    /** https:// and http:// as wss:// and ws://: the same request, copied from a tool that wrote it so. */
    private static String webSocketUrl(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("https://")) return "wss://" + url.substring(8);
        if (lower.startsWith("http://")) return "ws://" + url.substring(7);
        return url;
    }
}
