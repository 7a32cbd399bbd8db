package dev.duplex.net.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.java_websocket.extensions.IExtension;
import org.java_websocket.extensions.permessage_deflate.PerMessageDeflateExtension;

/**
 * The library's permessage-deflate, compressing every message (small ones too: a workbench shows what deflate
 * does to each), but declining each offer that limits the server's window. The JDK's Deflater always uses a
 * 32 KiB window, and RFC 7692 7.1.2.1 lets a server accept {@code server_max_window_bits} only by naming it in
 * its answer; the library accepted such an offer and left it out (duplex check's cases 13.3 to 13.6 found it).
 * Declined, the client's next offer is taken, or none, and the connection goes on uncompressed.
 */
final class FullWindowDeflate extends PerMessageDeflateExtension {
    FullWindowDeflate() {
        setThreshold(0);
    }

    @Override
    public boolean acceptProvidedExtensionAsServer(String offers) {
        List<String> kept = new ArrayList<>();
        for (String offer : offers.split(",")) {
            if (!offer.toLowerCase(Locale.ROOT).contains("server_max_window_bits")) kept.add(offer);
        }
        return !kept.isEmpty() && super.acceptProvidedExtensionAsServer(String.join(",", kept));
    }

    @Override
    public IExtension copyInstance() {
        // The library copies the draft's extensions for each connection: the copy must be one of these too.
        return new FullWindowDeflate();
    }
}
