package dev.duplex.settings;

/**
 * The Proxy pane's form as it is kept between runs: where to listen, the upstream, the rules, the trusted
 * fingerprints and the headers, one a line each as typed, and the two switches.
 */
public record ProxyForm(String listen, String upstream, String rewrites, String drops, String delays, String trust,
        String setHeaders, String removeHeaders, boolean answerPings, boolean tls) {
    /** A fresh pane's form: a free port on this machine, nothing else. */
    public static final ProxyForm DEFAULTS = new ProxyForm("127.0.0.1:0", "", "", "", "", "", "", "", false, false);

    public ProxyForm {
        listen = listen == null || listen.isBlank() ? "127.0.0.1:0" : listen;
        upstream = orEmpty(upstream);
        rewrites = orEmpty(rewrites);
        drops = orEmpty(drops);
        delays = orEmpty(delays);
        trust = orEmpty(trust);
        setHeaders = orEmpty(setHeaders);
        removeHeaders = orEmpty(removeHeaders);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
