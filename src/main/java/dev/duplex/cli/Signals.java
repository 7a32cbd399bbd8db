package dev.duplex.cli;

import java.util.concurrent.CountDownLatch;

import sun.misc.Signal;

/**
 * Ctrl+C and SIGTERM for {@code serve}. A shutdown hook would run too, but the JVM would then exit
 * with 130 or 143; handling the signals lets {@code serve} close its clients with 1001 and exit 0,
 * as a well-behaved server does.
 */
final class Signals {
    private Signals() { }

    static void install(CountDownLatch stop) {
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                Signal.handle(new Signal(name), signal -> stop.countDown());
            } catch (IllegalArgumentException unsupported) {
                // Not every platform has every signal (Windows has no TERM): Ctrl+C still works.
            }
        }
    }
}
