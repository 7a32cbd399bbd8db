package dev.duplex.ui.theme;

import dev.duplex.i18n.Texts;
import dev.duplex.model.Appearance;
import dev.duplex.settings.ThemeChoice;
import dev.duplex.ui.ViewSubscriptions;
import javafx.scene.control.ChoiceBox;
import javafx.util.StringConverter;

/** The top bar's theme switch (System, Light, Dark): shows the appearance's choice and hands the user's on. */
public final class ThemeSwitch {
    private ThemeSwitch() { }

    public static void bind(ChoiceBox<ThemeChoice> box, Appearance appearance, Texts texts, ViewSubscriptions subscriptions) {
        box.getItems().setAll(ThemeChoice.values());
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(ThemeChoice choice) {
                return choice == null ? "" : texts.get("theme." + choice.key());
            }

            @Override
            public ThemeChoice fromString(String s) {
                return ThemeChoice.parse(s).orElse(null);
            }
        });
        subscriptions.onValue(appearance.choiceProperty(), box::setValue);
        box.valueProperty().addListener((obs, old, chosen) -> {
            if (chosen != null && chosen != appearance.choiceProperty().get()) appearance.choose(chosen);
        });
    }
}
