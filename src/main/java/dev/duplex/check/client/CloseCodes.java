package dev.duplex.check.client;

/** Which close codes an endpoint may put in a close frame (RFC 6455 7.4.1, 7.4.2; 1012 to 1014 are IANA's since). */
final class CloseCodes {
    private CloseCodes() { }

    static boolean validOnTheWire(int code) {
        return (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014) || (code >= 3000 && code <= 4999);
    }
}
