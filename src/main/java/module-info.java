/** Duplex: a desktop WebSocket workbench, and the same engine on the command line. */
module dev.duplex {
    requires javafx.controls;
    requires javafx.fxml;
    requires org.java_websocket;
    // sun.misc.Signal: `duplex serve` answers SIGINT/SIGTERM by closing clients with 1001 and exiting 0.
    requires jdk.unsupported;
    // Java-WebSocket logs through SLF4J; this provider hands those lines to java.util.logging.
    requires org.slf4j.jul;
    // Java-WebSocket's log, through that provider: kept off the console, where our own lines say what happened.
    requires java.logging;
    // The composer's JSON check and pretty-printer (streaming API only).
    requires com.fasterxml.jackson.core;
    // Rules written as YAML; read safely (no types, no custom tags) into maps and lists.
    requires org.yaml.snakeyaml;
    // The command line's parser; it reads and sets the annotated fields of the commands reflectively.
    requires info.picocli;
    // The window's look: AtlantaFX's Primer themes.
    requires atlantafx.base;

    exports dev.duplex.net;
    exports dev.duplex.net.server;
    exports dev.duplex.net.client;
    exports dev.duplex.net.wire;
    exports dev.duplex.net.deflate;
    exports dev.duplex.net.proxy;
    exports dev.duplex.net.outbound;
    exports dev.duplex.check;
    exports dev.duplex.decode;
    exports dev.duplex.rules;
    exports dev.duplex.decode.binary;
    exports dev.duplex.check.client;
    exports dev.duplex.model;
    exports dev.duplex.protocol;
    exports dev.duplex.settings;
    exports dev.duplex.ui to javafx.graphics;
    exports dev.duplex to javafx.graphics;
    // FXML injects the controllers' @FXML fields: every package of views opens to it.
    opens dev.duplex.ui.shell to javafx.fxml;
    opens dev.duplex.ui.server to javafx.fxml;
    opens dev.duplex.ui.behaviours to javafx.fxml;
    opens dev.duplex.ui.lab to javafx.fxml;
    opens dev.duplex.ui.client to javafx.fxml;
    opens dev.duplex.ui.options to javafx.fxml;
    opens dev.duplex.ui.composer to javafx.fxml;
    opens dev.duplex.ui.control to javafx.fxml;
    opens dev.duplex.ui.burst to javafx.fxml;
    opens dev.duplex.ui.log to javafx.fxml;
    opens dev.duplex.ui.frames to javafx.fxml;
    opens dev.duplex.ui.handshake to javafx.fxml;
    opens dev.duplex.ui.proxy to javafx.fxml;
    opens dev.duplex.ui.replay to javafx.fxml;
    opens dev.duplex.ui.clientcheck to javafx.fxml;
    opens dev.duplex.ui.message to javafx.fxml;
    opens dev.duplex.ui.decode to javafx.fxml;
    opens dev.duplex.ui.rules to javafx.fxml;
    opens dev.duplex.i18n;
    opens dev.duplex.cli to info.picocli;
}
