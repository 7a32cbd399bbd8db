package dev.duplex.options;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import dev.duplex.net.proxy.Direction;
import dev.duplex.net.proxy.HeaderEdits;
import dev.duplex.net.proxy.MessageRule;
import dev.duplex.net.proxy.ProxyConfig;
import dev.duplex.tls.Fingerprint;

/**
 * The proxy as typed ({@code proxy}'s options; a window's Proxy pane later): where it listens, where it
 * passes clients on to, and its rules. Each text may be null for "not given".
 *
 * @param listen         {@code [ADDR:]PORT}: {@code 9000}, {@code 127.0.0.1:9000}, {@code 0.0.0.0:9000}, {@code [::1]:9000}
 * @param upstream       the ws:// or wss:// URL to pass clients on to
 * @param rewrites       {@code up:REGEX=>TEXT} or {@code down:REGEX=>TEXT}, in order
 * @param drops          {@code up:REGEX} or {@code down:REGEX}
 * @param delays         {@code up:REGEX=>MS} or {@code down:REGEX=>MS}: hold such messages back MS ms
 * @param trust          SHA-256 fingerprints trusted on a wss:// upstream
 * @param setHeaders     {@code Name: value} lines set on each upgrade passed up (replacing the client's)
 * @param removeHeaders  header names removed from each upgrade passed up
 * @param answerPings    answer pings on each leg instead of passing them on
 * @param connectTimeout ms the upstream may take to connect, 1 to 600 000 (default 10 000)
 */
public record ProxyInput(String listen, String upstream, List<String> rewrites, List<String> drops,
        List<String> delays, List<String> trust, boolean answerPings, String connectTimeout, List<String> setHeaders,
        List<String> removeHeaders) {
    /** The longest delay a rule may ask for: ten minutes, past which a connection is better closed. */
    public static final long MAX_DELAY_MS = 600_000;

    /** Where to listen. */
    public record Listen(String bindAddress, int port) { }

    /** The proxy's configuration, or the first field that does not check (listen, upstream, rules, trust, timeout). */
    public Checked<ProxyConfig> config() {
        try {
            Listen l = listen(listen).orThrow();
            URI up = upstream(upstream).orThrow();
            List<MessageRule> rules = new ArrayList<>();
            // Rewrites first, then drops: a drop then sees the text as it would go on.
            for (String r : rewrites == null ? List.<String>of() : rewrites) rules.add(rule(r, true).orThrow());
            for (String d : drops == null ? List.<String>of() : drops) rules.add(rule(d, false).orThrow());
            for (String d : delays == null ? List.<String>of() : delays) rules.add(delay(d).orThrow());
            List<Fingerprint> trusted = ClientInput.trusted(trust).orThrow();
            int timeout = ClientInput.connectTimeout(connectTimeout).orThrow();
            HeaderEdits edits = headerEdits(setHeaders, removeHeaders).orThrow();
            return Checked.ok(new ProxyConfig(l.bindAddress(), l.port(), up, trusted, rules, answerPings, timeout, true,
                    edits, null));
        } catch (Checked.Invalid e) {
            return Checked.bad(e.problem);
        }
    }

    /** {@code [ADDR:]PORT}; the address is 127.0.0.1 when only a port is given. */
    public static Checked<Listen> listen(String typed) {
        String t = Typed.text(typed).strip();
        if (t.isEmpty()) return Checked.bad(Field.LISTEN, "form.listen", t);
        int colon = t.lastIndexOf(':');
        String address = colon < 0 ? ProxyConfig.DEFAULT_BIND : t.substring(0, colon);
        String port = colon < 0 ? t : t.substring(colon + 1);
        if (address.startsWith("[") && address.endsWith("]")) address = address.substring(1, address.length() - 1);
        Checked<Integer> p = ServerInput.port(port);
        Checked<String> a = ServerInput.bindAddress(address);
        if (!p.isOk() || !a.isOk() || port.isBlank() || address.contains(":") && colon >= 0 && !t.startsWith("[")) {
            return Checked.bad(Field.LISTEN, "form.listen", t);
        }
        return Checked.ok(new Listen(a.value(), p.value()));
    }

    /** The upstream URL, checked as a client's URL is (ws:// or wss://, a host, no fragment). */
    public static Checked<URI> upstream(String typed) {
        Checked<URI> url = ClientInput.url(typed);
        return url.isOk() ? url : Checked.bad(FieldProblem.of(Field.UPSTREAM, url.problem().key(), url.problem().argArray()));
    }

    /**
     * One rule: {@code up:} or {@code down:}, a regular expression, and for a rewrite {@code =>} and what each
     * match becomes ({@code $1} for a group; the first {@code =>} separates the two).
     */
    public static Checked<MessageRule> rule(String typed, boolean rewrite) {
        String t = Typed.text(typed);
        Field field = rewrite ? Field.REWRITE : Field.DROP;
        int colon = t.indexOf(':');
        String way = colon < 0 ? "" : t.substring(0, colon).strip().toLowerCase(Locale.ROOT);
        Direction direction = way.equals("up") ? Direction.UP : way.equals("down") ? Direction.DOWN : null;
        if (direction == null) return Checked.bad(field, rewrite ? "form.rule.direction.rewrite" : "form.rule.direction.drop", t);
        String rest = t.substring(colon + 1);
        String regex = rest;
        String replacement = null;
        if (rewrite) {
            int arrow = rest.indexOf("=>");
            if (arrow < 0) return Checked.bad(field, "form.rule.arrow", t);
            regex = rest.substring(0, arrow);
            replacement = rest.substring(arrow + 2);
        }
        if (regex.isEmpty()) return Checked.bad(field, "form.rule.empty", t);
        Pattern pattern;
        try {
            pattern = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            return Checked.bad(field, "form.rule.regex", regex, e.getDescription(), Math.max(1, e.getIndex() + 1));
        }
        if (!rewrite) return Checked.ok(MessageRule.drop(direction, pattern, t));
        String wrong = replacementProblem(pattern, replacement);
        if (wrong != null) return Checked.bad(field, "form.rule.replacement", replacement, wrong);
        return Checked.ok(MessageRule.rewrite(direction, pattern, replacement, t));
    }

    /**
     * The header edits: each set line {@code Name: value}, each removed name an HTTP token; neither may be
     * one of the upgrade's own headers (Host, Sec-WebSocket-*, Connection, Upgrade …).
     */
    public static Checked<HeaderEdits> headerEdits(List<String> set, List<String> remove) {
        Checked<List<String>> lines = Typed.headerLines(Typed.joinLines(set), Field.SET_HEADER, "form.header");
        if (!lines.isOk()) return Checked.bad(lines.problem());
        java.util.Map<String, String> byName = new java.util.LinkedHashMap<>();
        for (String line : lines.value()) {
            int colon = line.indexOf(':');
            String name = line.substring(0, colon).strip();
            if (HeaderEdits.legOwn(name)) return Checked.bad(Field.SET_HEADER, "form.header.legOwn", name);
            byName.put(name, line.substring(colon + 1).strip());
        }
        List<String> names = new ArrayList<>();
        for (String r : remove == null ? List.<String>of() : remove) {
            String name = Typed.text(r).strip();
            if (!Typed.token(name)) return Checked.bad(Field.REMOVE_HEADER, "form.header.name", name);
            if (HeaderEdits.legOwn(name)) return Checked.bad(Field.REMOVE_HEADER, "form.header.legOwn", name);
            names.add(name);
        }
        return Checked.ok(new HeaderEdits(byName, names));
    }

    /** A delay rule: {@code up:} or {@code down:}, a regular expression, {@code =>} and the delay in ms (1 to 600 000). */
    public static Checked<MessageRule> delay(String typed) {
        String t = Typed.text(typed);
        int arrow = t.lastIndexOf("=>");
        if (arrow < 0) return Checked.bad(Field.DELAY, "form.rule.delay", t);
        long ms;
        try {
            ms = Long.parseLong(t.substring(arrow + 2).strip());
        } catch (NumberFormatException e) {
            ms = -1;
        }
        if (ms < 1 || ms > MAX_DELAY_MS) return Checked.bad(Field.DELAY, "form.rule.delay", t);
        Checked<MessageRule> drop = rule(t.substring(0, arrow), false);
        if (!drop.isOk()) {
            FieldProblem p = drop.problem();
            String key = p.key().equals("form.rule.direction.drop") ? "form.rule.delay" : p.key();
            Object[] args = key.equals("form.rule.delay") ? new Object[] {t} : p.argArray();
            return Checked.bad(FieldProblem.of(Field.DELAY, key, args));
        }
        MessageRule m = drop.value();
        return Checked.ok(MessageRule.delay(m.direction(), m.pattern(), ms, t));
    }

    /**
     * Which messages the window holds for a decision: the ways and kinds ticked, and for text a regular
     * expression that must find something in it (blank: every text).
     */
    public static Checked<dev.duplex.net.proxy.InterceptFilter> pauseOn(boolean up, boolean down, boolean text,
            boolean binary, String regex) {
        java.util.Set<Direction> ways = java.util.EnumSet.noneOf(Direction.class);
        if (up) ways.add(Direction.UP);
        if (down) ways.add(Direction.DOWN);
        String r = Typed.text(regex);
        Pattern pattern = null;
        if (!r.isBlank()) {
            try {
                pattern = Pattern.compile(r);
            } catch (PatternSyntaxException e) {
                return Checked.bad(Field.PAUSE_ON, "form.rule.regex", r, e.getDescription(), Math.max(1, e.getIndex() + 1));
            }
        }
        return Checked.ok(new dev.duplex.net.proxy.InterceptFilter(ways, text, binary, pattern));
    }

    /**
     * What is wrong with a replacement, found before any message comes (Java says so only when a match is
     * replaced): a group the expression does not have, a {@code ${name}} not closed, a {@code \} at the end.
     */
    private static String replacementProblem(Pattern pattern, String replacement) {
        int groups = pattern.matcher("").groupCount();
        for (int i = 0; i < replacement.length(); i++) {
            char c = replacement.charAt(i);
            if (c == '\\') {
                if (++i >= replacement.length()) return "\\";
            } else if (c == '$') {
                if (++i >= replacement.length()) return "$";
                char next = replacement.charAt(i);
                if (next == '{') {
                    int end = replacement.indexOf('}', i);
                    if (end < 0) return replacement.substring(i - 1);
                    String name = replacement.substring(i + 1, end);
                    if (!pattern.pattern().contains("(?<" + name + ">")) return "${" + name + "}";
                    i = end;
                } else if (!Character.isDigit(next) || next - '0' > groups) {
                    return "$" + next;
                }
            }
        }
        return null;
    }
}
