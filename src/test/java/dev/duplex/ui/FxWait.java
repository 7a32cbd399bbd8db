package dev.duplex.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import org.testfx.util.WaitForAsyncUtils;

/** Waiting on the window the TestFX way: on a condition or on the FX thread, never on a sleep. */
final class FxWait {
    private FxWait() { }

    /** Waits until the condition holds (checked as events come), failing after 15 s. */
    static void until(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, condition);
    }

    /** Reads something on the FX thread, where the model and the views live. */
    static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }
}
