package dev.duplex.ui;

import static dev.duplex.ui.FxWait.onFx;
import static dev.duplex.ui.FxWait.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

import javafx.animation.AnimationTimer;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/** What a view sees of a model list through a PacedList: the same items, in few changes, shaped as the model's. */
@ExtendWith(ApplicationExtension.class)
class PacedListTest {
    @Test
    void manyChangesWithinAPaceArriveAsOneThatDropsAtTheHeadAndAddsAtTheTail(FxRobot robot) throws Exception {
        ObservableList<Integer> source = FXCollections.observableArrayList(0, 1, 2, 3, 4);
        PacedList<Integer> paced = onFx(() -> new PacedList<>(source));
        List<String> changes = new ArrayList<>();
        robot.interact(() -> paced.addListener((ListChangeListener<Integer>) c -> {
            while (c.next()) changes.add((c.wasRemoved() ? "-" + c.getRemovedSize() + "@" + c.getFrom() : "")
                    + (c.wasAdded() ? "+" + c.getAddedSize() + "@" + c.getFrom() : ""));
        }));
        // A first change shows at the next pulse; the ones right behind it wait for the pace, then come as one.
        robot.interact(() -> source.add(5));
        until(() -> onFx(paced::size) == 6);
        robot.interact(() -> {
            for (int i = 6; i < 10; i++) {
                source.remove(0);
                source.add(i);
            }
        });
        until(() -> onFx(() -> List.copyOf(paced)).equals(List.of(4, 5, 6, 7, 8, 9)));
        assertEquals(List.of("+1@5", "-4@0", "+4@2"), changes);
    }

    @Test
    void offScreenTheUpdatesWaitAndComeInOneWhenItShowsAgain(FxRobot robot) throws Exception {
        ObservableList<Integer> source = FXCollections.observableArrayList();
        PacedList<Integer> paced = onFx(() -> new PacedList<>(source));
        robot.interact(() -> paced.setOnScreen(false));
        robot.interact(() -> source.addAll(1, 2, 3));
        awaitPulses(robot, 12); // more than a pace's worth of frames
        assertTrue(onFx(paced::isEmpty), "a list off screen took an update");
        robot.interact(() -> paced.setOnScreen(true));
        until(() -> onFx(() -> List.copyOf(paced)).equals(List.of(1, 2, 3)));
    }

    @Test
    void anythingElseThanDropsAndAddsReplacesTheWholeList(FxRobot robot) throws Exception {
        ObservableList<Integer> source = FXCollections.observableArrayList(1, 2, 3);
        PacedList<Integer> paced = onFx(() -> new PacedList<>(source));
        robot.interact(() -> source.set(1, 20));
        until(() -> onFx(() -> List.copyOf(paced)).equals(List.of(1, 20, 3)));
        robot.interact(source::clear);
        until(() -> onFx(paced::isEmpty));
    }

    /** Waits until {@code n} FX pulses have passed. */
    private static void awaitPulses(FxRobot robot, int n) throws Exception {
        CountDownLatch pulses = new CountDownLatch(n);
        AnimationTimer counter = new AnimationTimer() {
            @Override
            public void handle(long now) {
                pulses.countDown();
            }
        };
        robot.interact(counter::start);
        try {
            assertTrue(pulses.await(10, TimeUnit.SECONDS), "no pulses");
        } finally {
            robot.interact(counter::stop);
        }
    }
}
