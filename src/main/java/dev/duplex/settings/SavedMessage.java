package dev.duplex.settings;

import dev.duplex.protocol.MessageMode;

/** A message kept under a name: in the app's library, and with a saved connection. */
public record SavedMessage(String name, MessageMode mode, String text) { }
