package dev.duplex.check.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

import dev.duplex.check.CheckReport;
import dev.duplex.check.HtmlReport;
import dev.duplex.check.JsonReport;
import dev.duplex.i18n.CaseTitleText;
import dev.duplex.i18n.Texts;

/**
 * The checking server's plain HTTP answers: {@code /check/report} (HTML, or JSON with {@code
 * ?format=json}) and {@code /check/browser}, the page whose script runs every case with the browser's own
 * WebSocket. The reports are the server checker's, with the words that say "client" where it says "server".
 */
final class Pages {
    private static final String PAGE = "browser.html";

    private final ClientCheckServer server;
    private final Texts texts;

    Pages(ClientCheckServer server, Texts texts) {
        this.server = server;
        this.texts = texts;
    }

    void answer(Upgrade req, OutputStream out) throws IOException {
        if (!req.method().equals("GET")) {
            send(out, "405 Method Not Allowed", "text/plain; charset=utf-8", "GET only\n".getBytes(StandardCharsets.UTF_8));
            return;
        }
        switch (req.path()) {
            case "/check/report" -> {
                ByteArrayOutputStream body = new ByteArrayOutputStream();
                CheckReport report = server.report();
                if (req.query().contains("format=json")) {
                    JsonReport.write(report, body);
                    send(out, "200 OK", "application/json", body.toByteArray());
                } else {
                    HtmlReport.write(CaseTitleText.of(texts).withTitles(report), body, ClientReportWords.of(texts));
                    send(out, "200 OK", "text/html; charset=utf-8", body.toByteArray());
                }
            }
            case "/check/browser" -> send(out, "200 OK", "text/html; charset=utf-8", page());
            default -> send(out, "404 Not Found", "text/plain; charset=utf-8",
                    ("Not here: try " + server.browserUrl() + " or " + server.reportUrl() + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The page, with the cases (id and title) and the bound of one case written into its script. */
    private byte[] page() throws IOException {
        String html;
        try (InputStream in = Pages.class.getResourceAsStream(PAGE)) {
            if (in == null) throw new IOException("the browser page is missing from the build");
            html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        StringBuilder cases = new StringBuilder("[");
        List<String> ids = server.caseIds();
        for (String id : ids) {
            cases.append(cases.length() == 1 ? "" : ",").append("{\"id\":\"").append(id).append("\",\"title\":\"")
                    .append(jsString(server.title(id))).append("\"}");
        }
        cases.append(']');
        int script = html.indexOf("<script>");
        html = words(html.substring(0, script), Pages::htmlText) + words(html.substring(script), Pages::jsString);
        return html.replace("/*CASES*/[]", cases).replace("/*CASE_MS*/0", String.valueOf(server.caseMs()))
                .getBytes(StandardCharsets.UTF_8);
    }

    private static final java.util.regex.Pattern WORD = java.util.regex.Pattern.compile("\\{\\{([A-Za-z.]+)}}");

    /** Puts the user's words in for each {{key}}, escaped for where they stand. */
    private String words(String part, Function<String, String> escape) {
        return WORD.matcher(part).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(escape.apply(texts.get(m.group(1)))));
    }

    private static String htmlText(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String jsString(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') b.append('\\').append(c);
            else if (c == '<') b.append("\\u003c");
            else if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
            else b.append(c);
        }
        return b.toString();
    }

    private static void send(OutputStream out, String status, String type, byte[] body) throws IOException {
        out.write(Upgrade.response(status, List.of("Content-Type: " + type, "Content-Length: " + body.length,
                "Cache-Control: no-store", "Connection: close")));
        out.write(body);
        out.flush();
    }
}
