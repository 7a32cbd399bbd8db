package dev.duplex.ui.behaviours;

import java.util.ArrayList;
import java.util.List;

import dev.duplex.i18n.Texts;
import dev.duplex.net.server.ServerBehaviour;

/** The one line under the behaviour switches that says what the server does now. */
final class BehaviourText {
    private BehaviourText() { }

    static String describe(ServerBehaviour b, Texts texts) {
        if (b == null || b.equals(ServerBehaviour.NORMAL)) return texts.get("behaviour.normal");
        List<String> parts = new ArrayList<>();
        if (b.refusal() != null) parts.add(texts.get("behaviour.part.refuse", Integer.toString(b.refusal().status())));
        if (b.subprotocol().equals(ServerBehaviour.FIRST_OFFERED)) parts.add(texts.get("behaviour.part.firstOffered"));
        else if (!b.subprotocol().isEmpty()) parts.add(texts.get("behaviour.part.subprotocol", b.subprotocol()));
        if (b.delayMs() > 0) parts.add(texts.get("behaviour.part.delay", Integer.toString(b.delayMs())));
        if (b.dropEvery() > 0) parts.add(texts.get("behaviour.part.drop", Integer.toString(b.dropEvery())));
        if (b.closeAfter() > 0) {
            parts.add(texts.get("behaviour.part.closeAfter", Integer.toString(b.closeAfter()),
                    b.closeCode() + (b.closeReason().isEmpty() ? "" : " \"" + b.closeReason() + "\"")));
        }
        if (!b.answerPings()) parts.add(texts.get("behaviour.part.noPong"));
        return texts.get("behaviour.active", String.join("; ", parts));
    }
}
