package dev.duplex.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.duplex.settings.ThemeChoice;

/** Light or dark from the user's choice and the desktop's preference; which choice is kept. */
class AppearanceTest {

    @Test
    void systemFollowsTheDesktopAndTheOthersDoNot() {
        Appearance a = new Appearance(ThemeChoice.SYSTEM);
        assertFalse(a.darkProperty().get(), "light until the desktop says otherwise");
        a.desktopPrefersDark(true);
        assertTrue(a.darkProperty().get());
        a.choose(ThemeChoice.LIGHT);
        assertFalse(a.darkProperty().get());
        a.choose(ThemeChoice.DARK);
        a.desktopPrefersDark(false);
        assertTrue(a.darkProperty().get());
        a.choose(ThemeChoice.SYSTEM);
        assertFalse(a.darkProperty().get());
    }

    @Test
    void aChoiceForThisStartShowsButIsNotKept() {
        Appearance a = new Appearance(ThemeChoice.LIGHT);
        a.chooseForThisStart(ThemeChoice.DARK);
        assertEquals(ThemeChoice.DARK, a.choiceProperty().get());
        assertTrue(a.darkProperty().get());
        assertEquals(ThemeChoice.LIGHT, a.toKeep());
        a.choose(ThemeChoice.SYSTEM);
        assertEquals(ThemeChoice.SYSTEM, a.toKeep(), "what the user picks in the window is kept");
    }
}
