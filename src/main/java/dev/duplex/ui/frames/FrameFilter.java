package dev.duplex.ui.frames;

import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import dev.duplex.i18n.EventText;
import dev.duplex.net.WsEvent;
import dev.duplex.net.wire.FrameInfo;

/** Which frames the inspector shows: by direction, by kind, and a plain or regular-expression search. */
final class FrameFilter {
    /** What the kind filter offers. */
    enum Kind {
        ALL(f -> true), DATA(f -> !f.control()), CONTROL(FrameInfo::control),
        TEXT(f -> f.opcode() == FrameInfo.TEXT), BINARY(f -> f.opcode() == FrameInfo.BINARY),
        CONTINUATION(f -> f.opcode() == FrameInfo.CONTINUATION), PING(f -> f.opcode() == FrameInfo.PING),
        PONG(f -> f.opcode() == FrameInfo.PONG), CLOSE(f -> f.opcode() == FrameInfo.CLOSE);

        final Predicate<FrameInfo> test;

        Kind(Predicate<FrameInfo> test) {
            this.test = test;
        }
    }

    /** What the direction filter offers. */
    enum Way { ALL, IN, OUT }

    private FrameFilter() { }

    /**
     * The frames to show. The search reads each frame's line as {@code format} writes it: a plain search
     * ignores case, a regular expression is found anywhere in the line.
     *
     * @throws PatternSyntaxException when {@code regex} is set and {@code query} is not one
     */
    static Predicate<WsEvent> of(Way way, Kind kind, String query, boolean regex, EventText format) {
        String q = query == null ? "" : query;
        Predicate<String> search;
        if (q.isEmpty()) {
            search = s -> true;
        } else if (regex) {
            Pattern p = Pattern.compile(q);
            search = s -> p.matcher(s).find();
        } else {
            String needle = q.toLowerCase(Locale.ROOT);
            search = s -> s.toLowerCase(Locale.ROOT).contains(needle);
        }
        return e -> {
            FrameInfo f = ((WsEvent.Frame) e).frame();
            if (way == Way.IN && !f.inbound() || way == Way.OUT && f.inbound()) return false;
            if (!kind.test.test(f)) return false;
            return q.isEmpty() || search.test(format.frame(f));
        };
    }
}
