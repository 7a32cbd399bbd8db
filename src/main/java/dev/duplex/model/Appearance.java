package dev.duplex.model;

import dev.duplex.settings.ThemeChoice;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The window's theme: what the user chose (System, Light or Dark), what the desktop prefers, and from
 * both whether the window is dark now. A choice for one start ({@code duplex --theme dark}) shows without
 * replacing the one kept in the settings; a choice made in the window is kept. FX thread only.
 */
public final class Appearance {
    private final ReadOnlyObjectWrapper<ThemeChoice> choice = new ReadOnlyObjectWrapper<>(this, "choice");
    private final ReadOnlyBooleanWrapper desktopDark = new ReadOnlyBooleanWrapper(this, "desktopDark");
    private final ReadOnlyBooleanWrapper dark = new ReadOnlyBooleanWrapper(this, "dark");
    private ThemeChoice toKeep;

    /** @param kept the choice read from the settings */
    public Appearance(ThemeChoice kept) {
        toKeep = kept;
        choice.set(kept);
        choice.addListener((obs, old, now) -> updateDark());
        desktopDark.addListener((obs, old, now) -> updateDark());
        updateDark();
    }

    /** The user's choice in the window: shown at once and kept in the settings. */
    public void choose(ThemeChoice chosen) {
        toKeep = chosen;
        choice.set(chosen);
    }

    /** A choice for this start only (the command line's {@code --theme}): the settings keep theirs. */
    public void chooseForThisStart(ThemeChoice chosen) {
        choice.set(chosen);
    }

    /** What the desktop said it prefers (read off the FX thread); matters while the choice is System. */
    public void desktopPrefersDark(boolean prefersDark) {
        desktopDark.set(prefersDark);
    }

    /** The choice to write into the settings. */
    public ThemeChoice toKeep() {
        return toKeep;
    }

    private void updateDark() {
        ThemeChoice c = choice.get();
        dark.set(c == ThemeChoice.DARK || c == ThemeChoice.SYSTEM && desktopDark.get());
    }

    public ReadOnlyObjectProperty<ThemeChoice> choiceProperty() { return choice.getReadOnlyProperty(); }
    /** Whether the window is dark now: Dark chosen, or System on a desktop that prefers dark. */
    public ReadOnlyBooleanProperty darkProperty() { return dark.getReadOnlyProperty(); }
}
