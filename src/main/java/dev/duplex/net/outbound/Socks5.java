package dev.duplex.net.outbound;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;

/**
 * Asks a SOCKS5 proxy for a tunnel (RFC 1928), with user and password (RFC 1929) when the proxy has a user.
 * {@code socks5} resolves the server's name here and sends the address; {@code socks5h} sends the name, for
 * the proxy to resolve. Each step is kept in words, the password never.
 */
final class Socks5 {
    private static final String[] REPLIES = {"succeeded", "general SOCKS server failure",
        "connection not allowed by ruleset", "network unreachable", "host unreachable", "connection refused",
        "TTL expired", "command not supported", "address type not supported"};

    private Socks5() { }

    static void open(ProxyAddress proxy, String host, int port, InputStream rawIn, OutputStream out,
            TunnelRecord.Steps steps) throws IOException {
        DataInputStream in = new DataInputStream(rawIn);
        String at = proxy.address();
        boolean login = proxy.hasUser();
        out.write(login ? new byte[] {5, 2, 0, 2} : new byte[] {5, 1, 0});
        out.flush();
        steps.add(TunnelRecord.Step.said(true, login ? "tunnel.socks.greet.login" : "tunnel.socks.greet"));
        int version = read(in, at);
        int method = read(in, at);
        if (version != 5) throw new ProxyFailure(ProxyFailure.Kind.BROKEN, at, "not a SOCKS5 answer (version " + version + ")");
        if (method == 0xFF || (method == 2 && !login) || (method != 0 && method != 2)) {
            steps.add(TunnelRecord.Step.said(false, "tunnel.socks.method.none"));
            throw new ProxyFailure(ProxyFailure.Kind.REFUSED, at, login
                    ? "it accepts neither no authentication nor user/password"
                    : "it asks for a user and password (socks5://user:pass@host:port)");
        }
        steps.add(TunnelRecord.Step.said(false, method == 2 ? "tunnel.socks.method.login" : "tunnel.socks.method.open"));
        if (method == 2) {
            byte[] user = proxy.user().getBytes(StandardCharsets.UTF_8);
            byte[] pass = (proxy.password() == null ? "" : proxy.password()).getBytes(StandardCharsets.UTF_8);
            if (user.length > 255 || pass.length > 255) throw new ProxyFailure(ProxyFailure.Kind.REFUSED, at,
                    "a SOCKS5 user or password is at most 255 bytes");
            byte[] msg = new byte[3 + user.length + pass.length];
            msg[0] = 1;
            msg[1] = (byte) user.length;
            System.arraycopy(user, 0, msg, 2, user.length);
            msg[2 + user.length] = (byte) pass.length;
            System.arraycopy(pass, 0, msg, 3 + user.length, pass.length);
            out.write(msg);
            out.flush();
            steps.add(TunnelRecord.Step.said(true, "tunnel.socks.login", proxy.user()));
            read(in, at);
            int status = read(in, at);
            if (status != 0) {
                steps.add(TunnelRecord.Step.said(false, "tunnel.socks.login.refused"));
                throw new ProxyFailure(ProxyFailure.Kind.REFUSED, at, "user or password refused");
            }
            steps.add(TunnelRecord.Step.said(false, "tunnel.socks.login.ok"));
        }
        byte[] address;
        byte type;
        if (proxy.kind() == ProxyAddress.Kind.SOCKS5H && !IpAddresses.isLiteral(host)) {
            byte[] name = host.getBytes(StandardCharsets.US_ASCII);
            if (name.length > 255) throw new ProxyFailure(ProxyFailure.Kind.REFUSED, at, "a host name over 255 bytes");
            address = new byte[1 + name.length];
            address[0] = (byte) name.length;
            System.arraycopy(name, 0, address, 1, name.length);
            type = 3;
            steps.add(TunnelRecord.Step.said(true, "tunnel.socks.connect.name", host, Integer.toString(port)));
        } else {
            InetAddress resolved = InetAddress.getByName(host); // socks5: our own lookup (UnknownHostException as usual)
            address = resolved.getAddress();
            type = resolved instanceof Inet6Address ? (byte) 4 : (byte) 1;
            steps.add(TunnelRecord.Step.said(true, IpAddresses.isLiteral(host) ? "tunnel.socks.connect.address"
                    : "tunnel.socks.connect.resolved", host, resolved.getHostAddress(), Integer.toString(port)));
        }
        byte[] request = new byte[4 + address.length + 2];
        request[0] = 5;
        request[1] = 1; // CONNECT
        request[3] = type;
        System.arraycopy(address, 0, request, 4, address.length);
        request[request.length - 2] = (byte) (port >> 8);
        request[request.length - 1] = (byte) port;
        out.write(request);
        out.flush();
        if (read(in, at) != 5) throw new ProxyFailure(ProxyFailure.Kind.BROKEN, at, "not a SOCKS5 reply");
        int reply = read(in, at);
        read(in, at);
        int boundType = read(in, at);
        int length = switch (boundType) {
            case 1 -> 4;
            case 4 -> 16;
            case 3 -> read(in, at);
            default -> throw new ProxyFailure(ProxyFailure.Kind.BROKEN, at, "a reply of unknown address type " + boundType);
        };
        byte[] bound = new byte[length];
        in.readFully(bound);
        int boundPort = (read(in, at) << 8) | read(in, at);
        String said = reply < REPLIES.length ? REPLIES[reply] : "reply " + reply;
        if (reply != 0) {
            steps.add(TunnelRecord.Step.said(false, "tunnel.socks.refused", reply + " " + said));
            throw new ProxyFailure(ProxyFailure.Kind.REFUSED, at, reply + " " + said);
        }
        String boundText = boundType == 3 ? new String(bound, StandardCharsets.US_ASCII)
                : InetAddress.getByAddress(bound).getHostAddress();
        steps.add(TunnelRecord.Step.said(false, "tunnel.socks.open", boundText + ":" + boundPort));
    }

    private static int read(DataInputStream in, String at) throws IOException {
        try {
            return in.readUnsignedByte();
        } catch (EOFException e) {
            throw new ProxyFailure(ProxyFailure.Kind.BROKEN, at, "closed the connection in the middle of SOCKS5");
        }
    }
}
