package dev.duplex.net.outbound;

/**
 * What the user chose for a client: a proxy given in the tab or on the command line, no proxy at all, or
 * (the default) whatever the environment says.
 *
 * @param mode  which of the three
 * @param given the proxy given, for {@link Mode#GIVEN} only
 */
public record ProxyChoice(Mode mode, ProxyAddress given) {
    public enum Mode { FROM_ENVIRONMENT, NONE, GIVEN }

    public static final ProxyChoice FROM_ENVIRONMENT = new ProxyChoice(Mode.FROM_ENVIRONMENT, null);
    public static final ProxyChoice NONE = new ProxyChoice(Mode.NONE, null);

    public ProxyChoice {
        if ((mode == Mode.GIVEN) != (given != null)) throw new IllegalArgumentException("a given proxy, and only then");
    }

    public static ProxyChoice of(ProxyAddress proxy) {
        return new ProxyChoice(Mode.GIVEN, proxy);
    }
}
