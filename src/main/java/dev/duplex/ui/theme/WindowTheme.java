package dev.duplex.ui.theme;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.duplex.model.Appearance;
import javafx.application.Application;
import javafx.application.Platform;

/**
 * Puts the theme on screen: AtlantaFX's Primer Light or Primer Dark as the user-agent stylesheet, following
 * {@link Appearance#darkProperty()}, with the desktop's preference fed in once it is read. Our own stylesheet
 * (duplex.css) only uses the colours these themes look up, so it reads in both. The one place that does this,
 * for the app and for the tests' window alike.
 */
public final class WindowTheme {
    /** The compiled (binary) forms: parsing the text stylesheet would cost the start-up a good part of a second. */
    private static final String LIGHT = new PrimerLight().getUserAgentStylesheetBSS();
    private static final String DARK = new PrimerDark().getUserAgentStylesheetBSS();

    /** The appearance followed now: the app starts following before its first frame, the window again when it is built. */
    private static Appearance followed;
    /** The appearance given the desktop's preference. */
    private static Appearance fed;

    private WindowTheme() { }

    /** The user-agent stylesheet of the light or the dark theme. */
    public static String stylesheet(boolean dark) {
        return dark ? DARK : LIGHT;
    }

    /**
     * Applies the theme now and whenever it changes. The stylesheet is the application's (JavaFX has one),
     * so it follows the appearance given last; given the same one again, it changes nothing. FX thread.
     */
    public static void follow(Appearance appearance) {
        if (appearance == followed) return;
        followed = appearance;
        takeDesktopPreference(appearance);
        appearance.darkProperty().subscribe(dark -> Application.setUserAgentStylesheet(stylesheet(dark)));
    }

    /**
     * Feeds the desktop's preference into {@code appearance}: now if it is read already (the usual case at
     * start, so the first frame is in the right colours and the window never flashes light), else as soon
     * as it is. Once for each appearance; FX thread.
     */
    public static void takeDesktopPreference(Appearance appearance) {
        if (appearance == fed) return;
        fed = appearance;
        var desktop = DesktopScheme.preference();
        if (desktop.isDone()) appearance.desktopPrefersDark(desktop.getNow(false));
        else desktop.thenAccept(dark -> Platform.runLater(() -> appearance.desktopPrefersDark(dark)));
    }
}
