package dev.duplex.net.server;

/**
 * The switches the server lab turns while the server runs. Each is read where it acts (at a handshake, a
 * message, a ping, an accepted socket), so a change applies at once, to the next of those.
 */
final class LabSwitches {
    /** How the server misbehaves on purpose. */
    volatile ServerBehaviour behaviour = ServerBehaviour.NORMAL;
    /** Whether frames are reported (the window shows them); the headless server can do without. */
    volatile boolean captureFrames = true;
    /** What the server asks when it takes a client's permessage-deflate offer (RFC 7692), or null to decline. */
    volatile dev.duplex.net.deflate.DeflateParams deflate;
}
