package dev.duplex.model.client;

import dev.duplex.model.Notice;

/**
 * What a tab's labs need of the tab they sit in, and no more: whether the connection is open (saying
 * so in the tab's notice when not), the tab's notice line, and that a close is under way.
 */
interface Gate {
    /** True when open; else the notice says the connection is not open. */
    boolean open();

    void notice(Notice notice);

    /** A close frame is on its way: the tab shows CLOSING until onclose. */
    void closing();
}
