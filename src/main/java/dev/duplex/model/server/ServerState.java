package dev.duplex.model.server;

/** Where the embedded server is in its life. */
public enum ServerState { STOPPED, STARTING, RUNNING, STOPPING }
