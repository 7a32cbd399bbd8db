package dev.duplex.ui.theme;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** What each desktop prints, read as light or dark; anything else is light. */
class DesktopSchemeTest {

    @Test
    void gnomeAndGtk() {
        assertTrue(DesktopScheme.gsettingsSaysDark("'prefer-dark'\n"));
        assertFalse(DesktopScheme.gsettingsSaysDark("'default'\n"));
        assertFalse(DesktopScheme.gsettingsSaysDark("'prefer-light'\n"));
        assertFalse(DesktopScheme.gsettingsSaysDark(null), "no gsettings, or no such key");
        assertTrue(DesktopScheme.gtkThemeIsDark("Adwaita:dark"));
        assertTrue(DesktopScheme.gtkThemeIsDark("Adwaita-dark"));
        assertFalse(DesktopScheme.gtkThemeIsDark("Adwaita"));
        assertFalse(DesktopScheme.gtkThemeIsDark(null));
    }

    @Test
    void windowsAndMacos() {
        String key = "\r\nHKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize\r\n";
        assertTrue(DesktopScheme.registrySaysDark(key + "    AppsUseLightTheme    REG_DWORD    0x0\r\n\r\n"));
        assertFalse(DesktopScheme.registrySaysDark(key + "    AppsUseLightTheme    REG_DWORD    0x1\r\n\r\n"));
        assertFalse(DesktopScheme.registrySaysDark(null));
        assertTrue(DesktopScheme.defaultsSaysDark("Dark\n"));
        assertFalse(DesktopScheme.defaultsSaysDark(null), "defaults fails when the desktop is light");
    }

    /** Read once, on its own thread; whatever this machine says, an answer comes (light when it cannot tell). */
    @Test
    void theDesktopAnswersOnceAndOffTheCallersThread() throws Exception {
        assertNotNull(DesktopScheme.preference().get(10, TimeUnit.SECONDS));
        assertTrue(DesktopScheme.preference() == DesktopScheme.preference());
    }
}
