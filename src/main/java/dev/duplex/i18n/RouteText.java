package dev.duplex.i18n;

import java.util.List;

import dev.duplex.i18n.HandshakeText.Kind;
import dev.duplex.i18n.HandshakeText.Line;
import dev.duplex.net.outbound.ProxyRoute;
import dev.duplex.net.outbound.TunnelRecord;

/**
 * Which proxy a client goes through and why, in words (the tab, {@code connect}), and the tunnel part of the
 * handshake explainer: the CONNECT exchange line by line, or the SOCKS5 steps.
 */
public final class RouteText {
    private final Texts texts;

    public RouteText(Texts texts) {
        this.texts = texts;
    }

    /** "through http://127.0.0.1:3128, from the environment variable https_proxy", "direct: …". */
    public String describe(ProxyRoute route) {
        String proxy = route.proxy() == null ? "" : route.proxy().shown();
        String variable = route.variable() == null ? "" : route.variable();
        return texts.get("route." + route.reason().name(), proxy, variable);
    }

    void addTo(List<Line> rows, TunnelRecord tunnel) {
        rows.add(new Line(Kind.TITLE, texts.get("tunnel.title"), null));
        rows.add(new Line(Kind.LINE, describe(tunnel.route()), null));
        for (TunnelRecord.Step step : tunnel.steps()) {
            String text = step.key() == null ? step.line() : texts.get(step.key(), step.args().toArray());
            rows.add(new Line(kind(step), (step.sent() ? "→ " : "← ") + text, null));
        }
    }

    /** The proxy's answer marked as it went: a tunnel opened, or refused. */
    private static Kind kind(TunnelRecord.Step step) {
        if (step.sent()) return Kind.LINE;
        if (step.key() != null) {
            if (step.key().endsWith(".refused") || step.key().endsWith(".none")) return Kind.BAD;
            return step.key().equals("tunnel.socks.open") ? Kind.OK : Kind.LINE;
        }
        if (step.line().matches("HTTP/\\d(\\.\\d)? \\d{3}.*")) {
            return step.line().matches("HTTP/\\S+ 2\\d\\d.*") ? Kind.OK : Kind.BAD;
        }
        return Kind.LINE;
    }
}
