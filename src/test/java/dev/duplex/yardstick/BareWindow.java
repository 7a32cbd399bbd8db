package dev.duplex.yardstick;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/** The start-up benchmark's yardstick: the smallest JavaFX window, started the same way as Duplex. */
public final class BareWindow extends Application {
    @Override
    public void start(Stage stage) {
        stage.setScene(new Scene(new StackPane(new Label("bare")), 1200, 760));
        stage.show();
        new javafx.animation.AnimationTimer() {
            @Override
            public void handle(long now) {
                stop();
                System.out.println("FIRST_FRAME " + System.currentTimeMillis());
                System.exit(0);
            }
        }.start();
    }

    /**
     * Started through a class that is not the Application itself, as Duplex's Main is: the JDK's launcher
     * refuses a main class that extends Application when JavaFX is on the class path.
     */
    public static final class Launcher {
        public static void main(String[] args) {
            Application.launch(BareWindow.class, args);
        }
    }
}
