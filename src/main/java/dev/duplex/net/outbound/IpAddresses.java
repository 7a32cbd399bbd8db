package dev.duplex.net.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** IP address literals and CIDR ranges, read without any name lookup. */
final class IpAddresses {
    private static final Pattern V4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

    private IpAddresses() { }

    /** An IPv4 dotted quad or an IPv6 address (no brackets). */
    static boolean isLiteral(String s) {
        if (V4.matcher(s).matches()) {
            for (String part : s.split("\\.")) if (Integer.parseInt(part) > 255) return false;
            return true;
        }
        return s.indexOf(':') >= 0 && s.matches("[0-9a-fA-F:.]+") && bytes(s) != null;
    }

    /** Whether the address {@code ip} is {@code range} (an address, or address/bits). */
    static boolean inRange(String ip, String range) {
        int slash = range.indexOf('/');
        String base = slash < 0 ? range : range.substring(0, slash);
        if (!isLiteral(base)) return false;
        byte[] a = bytes(ip);
        byte[] b = bytes(base);
        if (a == null || b == null || a.length != b.length) return false;
        int bits = a.length * 8;
        if (slash >= 0) {
            try {
                bits = Integer.parseInt(range.substring(slash + 1));
            } catch (NumberFormatException e) {
                return false;
            }
            if (bits < 0 || bits > a.length * 8) return false;
        }
        for (int i = 0; i < bits; i++) {
            int mask = 0x80 >> (i % 8);
            if ((a[i / 8] & mask) != (b[i / 8] & mask)) return false;
        }
        return true;
    }

    /** The address's bytes; only ever called on literals, so no lookup happens. */
    static byte[] bytes(String literal) {
        try {
            return InetAddress.getByName(literal).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
