package dev.duplex.check.client;

import java.util.function.Function;

import dev.duplex.i18n.Texts;

/** The HTML report's words for a client check: its title and "what the client did"; the rest as the server check's. */
public final class ClientReportWords {
    private ClientReportWords() { }

    public static Function<String, String> of(Texts texts) {
        return key -> switch (key) {
            case "check.html.title", "check.html.observed" -> texts.get("checkClient" + key.substring("check".length()));
            default -> texts.get(key);
        };
    }
}
