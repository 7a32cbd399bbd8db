package dev.duplex.check;

/** A case's verdict, as Autobahn's reports name them. */
public enum Verdict {
    /** The server did what RFC 6455 asks. */
    PASS,
    /** Allowed, but not the strict behaviour (a close code other than the expected one, closing before echoing valid frames). */
    NON_STRICT,
    /** Nothing to judge: what the server did is reported. */
    INFORMATIONAL,
    /** The server lacks what the case needs (an extension it does not offer). */
    UNIMPLEMENTED,
    /** The server broke the protocol, did not echo, or did nothing. */
    FAIL;

    /** The name in reports: PASS, NON-STRICT, … */
    public String label() {
        return name().replace('_', '-');
    }
}
