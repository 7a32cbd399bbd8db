package dev.duplex.net.proxy;

import dev.duplex.net.client.ClientOptions;
import dev.duplex.tls.Fingerprint;

import java.net.URI;
import java.util.List;

/**
 * How the proxy runs.
 *
 * @param bindAddress      where clients reach it (127.0.0.1 by default, this machine only)
 * @param port             its port, 0 for any free one
 * @param upstream         the ws:// or wss:// URL each client is passed on to; the client's path and query
 *                         are added to its path
 * @param trusted          certificates trusted by fingerprint on a wss:// upstream, on top of the normal checks
 * @param rules            the rewrite and drop rules, in order
 * @param answerPings      answer pings on each leg instead of passing them (and pongs) through
 * @param connectTimeoutMs how long the upstream may take to connect (its handshake gets as long again)
 * @param captureFrames    report every frame of both legs (off: only the messages, as fewer events)
 * @param headers          what is changed in each upgrade passed up
 * @param tls              the certificate and key clients get on wss://; null: the clients' leg is ws://
 */
public record ProxyConfig(String bindAddress, int port, URI upstream, List<Fingerprint> trusted,
        List<MessageRule> rules, boolean answerPings, int connectTimeoutMs, boolean captureFrames,
        HeaderEdits headers, dev.duplex.tls.ServerIdentity tls) {
    public static final String DEFAULT_BIND = "127.0.0.1";

    public ProxyConfig {
        bindAddress = bindAddress == null || bindAddress.isBlank() ? DEFAULT_BIND : bindAddress.strip();
        trusted = trusted == null ? List.of() : List.copyOf(trusted);
        rules = rules == null ? List.of() : List.copyOf(rules);
        if (connectTimeoutMs <= 0) connectTimeoutMs = ClientOptions.DEFAULT_CONNECT_TIMEOUT_MS;
        if (headers == null) headers = HeaderEdits.NONE;
    }

    /** Without header edits or TLS toward the clients. */
    public ProxyConfig(String bindAddress, int port, URI upstream, List<Fingerprint> trusted, List<MessageRule> rules,
            boolean answerPings, int connectTimeoutMs, boolean captureFrames) {
        this(bindAddress, port, upstream, trusted, rules, answerPings, connectTimeoutMs, captureFrames, HeaderEdits.NONE, null);
    }

    /** On 127.0.0.1, no rules, pings passed through, frames reported. */
    public static ProxyConfig of(int port, URI upstream) {
        return new ProxyConfig(DEFAULT_BIND, port, upstream, List.of(), List.of(), false, 0, true);
    }

    public ProxyConfig withRules(List<MessageRule> r) {
        return new ProxyConfig(bindAddress, port, upstream, trusted, r, answerPings, connectTimeoutMs, captureFrames, headers, tls);
    }

    public ProxyConfig withTrusted(List<Fingerprint> t) {
        return new ProxyConfig(bindAddress, port, upstream, t, rules, answerPings, connectTimeoutMs, captureFrames, headers, tls);
    }

    public ProxyConfig withAnswerPings(boolean on) {
        return new ProxyConfig(bindAddress, port, upstream, trusted, rules, on, connectTimeoutMs, captureFrames, headers, tls);
    }

    public ProxyConfig withConnectTimeout(int ms) {
        return new ProxyConfig(bindAddress, port, upstream, trusted, rules, answerPings, ms, captureFrames, headers, tls);
    }

    public ProxyConfig withHeaders(HeaderEdits h) {
        return new ProxyConfig(bindAddress, port, upstream, trusted, rules, answerPings, connectTimeoutMs, captureFrames, h, tls);
    }

    public ProxyConfig withTls(dev.duplex.tls.ServerIdentity identity) {
        return new ProxyConfig(bindAddress, port, upstream, trusted, rules, answerPings, connectTimeoutMs, captureFrames,
                headers, identity);
    }

    public ProxyConfig withCaptureFrames(boolean on) {
        return new ProxyConfig(bindAddress, port, upstream, trusted, rules, answerPings, connectTimeoutMs, on, headers, tls);
    }

    /** Whether clients from other machines can reach it (bound to every interface). */
    public boolean allInterfaces() {
        return bindAddress.equals("0.0.0.0") || bindAddress.equals("::") || bindAddress.equals("[::]");
    }
}
