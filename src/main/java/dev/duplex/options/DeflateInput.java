package dev.duplex.options;

import dev.duplex.net.deflate.DeflateParams;

/**
 * permessage-deflate's parameters as typed, the same on the server (what it asks in its answer) and on the
 * client (what it offers): {@code server_no_context_takeover; client_max_window_bits=10}, as the header writes
 * them. Empty or null is none asked.
 */
public final class DeflateInput {
    private DeflateInput() { }

    public static Checked<DeflateParams> params(String typed) {
        try {
            return Checked.ok(DeflateParams.typed(typed));
        } catch (DeflateParams.BadParams e) {
            return Checked.bad(Field.DEFLATE, "form.deflate", e.getMessage());
        }
    }
}
