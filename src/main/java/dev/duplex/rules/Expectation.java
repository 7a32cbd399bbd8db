package dev.duplex.rules;

/**
 * A message that must come: one meeting {@code condition} within {@code withinMs} of the connection's opening
 * (0: any time before the run ends, as {@code --expect} has it). Met once, it stays met.
 */
record Expectation(String name, Condition condition, long withinMs) { }
