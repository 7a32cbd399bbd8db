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

    private WindowTheme() { }

    /** The user-agent stylesheet of the light or the dark theme. */
    public static String stylesheet(boolean dark) {
        return dark ? DARK : LIGHT;
    }

    /**
     * Applies the theme now and whenever it changes. The stylesheet is the application's (JavaFX has one),
     * so it follows the appearance given last. FX thread.
     */
    public static void follow(Appearance appearance) {
        var desktop = DesktopScheme.preference();
        // Already read (the usual case at start): in before the first frame, so the window never flashes light.
        if (desktop.isDone()) appearance.desktopPrefersDark(desktop.getNow(false));
        else desktop.thenAccept(dark -> Platform.runLater(() -> appearance.desktopPrefersDark(dark)));
        appearance.darkProperty().subscribe(dark -> Application.setUserAgentStylesheet(stylesheet(dark)));
    }
}
