package dev.duplex.model.proxy;

import java.time.Instant;

import dev.duplex.net.Payload;
import dev.duplex.net.proxy.Direction;

/** A message the proxy holds for a decision: its pair, the id that names it, which way it goes, and what it is. */
public record HeldMessage(Instant at, int pair, long id, Direction direction, Payload payload) { }
