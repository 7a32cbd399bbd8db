package dev.duplex.net.outbound;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which proxy a connection takes when none is given, from the environment, the way curl reads it:
 * <ul>
 * <li>{@code wss://} takes {@code https_proxy}, then {@code HTTPS_PROXY}; {@code ws://} takes {@code http_proxy}
 * in lower case only (an upper-case {@code HTTP_PROXY} can be set by a CGI request's {@code Proxy:} header,
 * so curl ignores it); then both take {@code all_proxy}, then {@code ALL_PROXY}. An empty value is unset.</li>
 * <li>{@code no_proxy} (then {@code NO_PROXY}) lists hosts reached directly: {@code *} alone is every host;
 * otherwise names separated by commas (or spaces), each matching that host and every host under it, a leading
 * dot ignored; an IP address (or a CIDR range such as {@code 10.0.0.0/8}) matches the address literally
 * typed in the URL; a {@code host:port} entry matches only that port. Case does not matter.</li>
 * </ul>
 * The environment is passed in as a map, so tests never touch the JVM's own.
 */
public final class ProxyEnvironment {
    private ProxyEnvironment() { }

    /** The route for {@code url} under {@code choice}, reading {@code env} when the choice is the environment's. */
    public static ProxyRoute route(URI url, ProxyChoice choice, Map<String, String> env) {
        switch (choice.mode()) {
            case GIVEN:
                return new ProxyRoute(choice.given(), ProxyRoute.Reason.GIVEN, null);
            case NONE:
                return new ProxyRoute(null, ProxyRoute.Reason.NONE_GIVEN, null);
            default:
                break;
        }
        boolean secure = "wss".equalsIgnoreCase(url.getScheme());
        List<String> names = secure ? List.of("https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY")
                : List.of("http_proxy", "all_proxy", "ALL_PROXY");
        String variable = null;
        String value = null;
        for (String name : names) {
            String v = env.get(name);
            if (v != null && !v.isBlank()) {
                variable = name;
                value = v.strip();
                break;
            }
        }
        if (variable == null) return ProxyRoute.DIRECT;
        for (String name : List.of("no_proxy", "NO_PROXY")) {
            String list = env.get(name);
            if (list != null && !list.isBlank()) {
                if (bypasses(list, host(url), port(url))) return new ProxyRoute(null, ProxyRoute.Reason.NO_PROXY, name);
                break;
            }
        }
        try {
            return new ProxyRoute(ProxyAddress.parse(value), ProxyRoute.Reason.ENVIRONMENT, variable);
        } catch (ProxyAddress.InvalidProxyException e) {
            return new ProxyRoute(null, ProxyRoute.Reason.BAD_VARIABLE, variable + "=" + value);
        }
    }

    /** The URL's host in lower case, without the brackets of an IPv6 address or a trailing dot. */
    static String host(URI url) {
        String h = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) h = h.substring(1, h.length() - 1);
        if (h.endsWith(".")) h = h.substring(0, h.length() - 1);
        return h;
    }

    static int port(URI url) {
        if (url.getPort() >= 0) return url.getPort();
        return "wss".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
    }

    /** Whether the {@code no_proxy} list sends {@code host} (lower case, no brackets) on {@code port} directly. */
    public static boolean bypasses(String noProxy, String host, int port) {
        String list = noProxy.strip();
        if (list.equals("*")) return true;
        for (String raw : list.split("[,\\s]+")) {
            String entry = raw.strip().toLowerCase(Locale.ROOT);
            if (entry.isEmpty()) continue;
            int entryPort = -1;
            // host:port, [v6]:port; a bare IPv6 address has more than one colon and no port
            if (entry.startsWith("[")) {
                int close = entry.indexOf(']');
                if (close < 0) continue;
                String rest = entry.substring(close + 1);
                entry = entry.substring(1, close);
                if (rest.startsWith(":")) entryPort = number(rest.substring(1));
            } else if (entry.indexOf(':') > 0 && entry.indexOf(':') == entry.lastIndexOf(':')) {
                int colon = entry.indexOf(':');
                entryPort = number(entry.substring(colon + 1));
                entry = entry.substring(0, colon);
            }
            if (entryPort == -2 || (entryPort >= 0 && entryPort != port)) continue;
            if (matches(entry, host)) return true;
        }
        return false;
    }

    private static boolean matches(String entry, String host) {
        if (entry.equals("*")) return true;
        int slash = entry.indexOf('/');
        if (slash > 0 || IpAddresses.isLiteral(entry)) {
            return IpAddresses.isLiteral(host) && IpAddresses.inRange(host, entry);
        }
        String name = entry.startsWith(".") ? entry.substring(1) : entry;
        if (name.endsWith(".")) name = name.substring(0, name.length() - 1);
        if (name.isEmpty()) return false;
        return host.equals(name) || host.endsWith("." + name);
    }

    /** A port number, or -2 when it is not one. */
    private static int number(String s) {
        try {
            int n = Integer.parseInt(s);
            return n >= 0 && n <= 65_535 ? n : -2;
        } catch (NumberFormatException e) {
            return -2;
        }
    }
}
