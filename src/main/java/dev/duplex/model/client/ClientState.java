package dev.duplex.model.client;

/** Where a client tab's connection is, as its buttons and title show it. */
public enum ClientState { DISCONNECTED, CONNECTING, OPEN, CLOSING }
