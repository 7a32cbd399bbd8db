package dev.duplex.protocol;

/**
 * The close codes of RFC 6455 section 7.4 and the ranges around them. The views turn a code's
 * {@link #key(int) key} into plain words in the user's language.
 */
public final class CloseCodes {
    public static final int NORMAL = 1000;
    public static final int GOING_AWAY = 1001;
    public static final int PROTOCOL_ERROR = 1002;
    public static final int UNSUPPORTED_DATA = 1003;
    public static final int NO_STATUS = 1005;
    public static final int ABNORMAL = 1006;
    public static final int INVALID_DATA = 1007;
    public static final int POLICY = 1008;
    public static final int TOO_BIG = 1009;
    public static final int EXTENSION = 1010;
    public static final int INTERNAL_ERROR = 1011;
    public static final int SERVICE_RESTART = 1012;
    public static final int TRY_AGAIN_LATER = 1013;
    public static final int BAD_GATEWAY = 1014;
    public static final int TLS = 1015;

    private CloseCodes() { }

    /**
     * The resource-bundle key of the meaning of {@code code}: {@code close.1000} for a code the RFC
     * names, else the key of its range ({@code close.range.library} for 3000-3999, {@code
     * close.range.private} for 4000-4999, and so on).
     */
    public static String key(int code) {
        if (code >= 1000 && code <= 1015 && code != 1004) return "close." + code;
        if (code == 1004) return "close.range.reserved";
        if (code >= 1016 && code <= 2999) return "close.range.reserved";
        if (code >= 3000 && code <= 3999) return "close.range.library";
        if (code >= 4000 && code <= 4999) return "close.range.private";
        return "close.range.invalid";
    }

    /** Whether a close frame may carry this code on the wire (1005, 1006 and 1015 may not). */
    public static boolean sendable(int code) {
        return (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014) || (code >= 3000 && code <= 4999);
    }
}
