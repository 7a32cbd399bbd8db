package dev.duplex.options;

import dev.duplex.protocol.HttpStatus;

import java.util.List;

import dev.duplex.net.server.ServerBehaviour;
import dev.duplex.net.server.ServerConfig;
import dev.duplex.protocol.CloseCodes;
import dev.duplex.protocol.CloseRequest;

/**
 * The server's behaviour switches as typed (the window's Behaviours pane, {@code serve}'s misbehaving
 * options). Each text may be null for "not given": its default then applies (the form's initial value).
 *
 * @param refuse        refuse every upgrade
 * @param refuseStatus  the refusal's HTTP status, 200 to 599 (default 403)
 * @param refuseHeaders its extra header lines, {@code Name: value} one a line
 * @param refuseBody    its body
 * @param subprotocol   "" withholds, {@code *} answers the client's first offer, a name answers that name
 * @param delay         ms before each reply, 0 to {@link ServerBehaviour#MAX_DELAY_MS}
 * @param dropEvery     leave every Nth message unanswered (0: none)
 * @param closeAfter    close a client after its Nth message (0: never)
 * @param closeCode     the code of that close: one a close frame may carry (default 1000)
 * @param closeReason   its reason, at most 123 bytes in UTF-8
 * @param answerPings   answer pings with pongs
 */
public record BehaviourInput(boolean refuse, String refuseStatus, String refuseHeaders, String refuseBody,
        String subprotocol, String delay, String dropEvery, String closeAfter, String closeCode, String closeReason,
        boolean answerPings) {

    /** Every switch off, every field as the form first shows it. */
    public static final BehaviourInput NORMAL = new BehaviourInput(false, null, null, null, null, null, null, null,
            null, null, true);

    /** The switches as a behaviour, or the first field that does not check, in the form's order. */
    public Checked<ServerBehaviour> parse() {
        try {
            ServerConfig.Refusal refusal = refuse ? refusal(refuseStatus, refuseHeaders, refuseBody).orThrow() : null;
            int delayMs = Typed.wholeNumber(delay, 0, ServerBehaviour.MAX_DELAY_MS, 0, Field.REPLY_DELAY,
                    "form.replyDelay").orThrow();
            int drop = Typed.wholeNumber(dropEvery, 0, Integer.MAX_VALUE, 0, Field.DROP_EVERY, "form.count").orThrow();
            int after = Typed.wholeNumber(closeAfter, 0, Integer.MAX_VALUE, 0, Field.CLOSE_AFTER, "form.count").orThrow();
            CloseRequest close = closeAfterMessages(closeCode, closeReason).orThrow();
            String answer = subprotocolAnswer(subprotocol).orThrow();
            return Checked.ok(new ServerBehaviour(refusal, answer, delayMs, drop, after, close.code(), close.reason(),
                    answerPings));
        } catch (Checked.Invalid e) {
            return Checked.bad(e.problem);
        }
    }

    /**
     * A refusal of the upgrade: the status (200 to 599) with its usual reason phrase ({@link HttpStatus}),
     * the header lines, the body.
     */
    public static Checked<ServerConfig.Refusal> refusal(String status, String headerLines, String body) {
        Checked<Integer> code = Typed.wholeNumber(status, 200, 599, 403, Field.REFUSE_STATUS, "form.refuseStatus");
        if (!code.isOk()) return Checked.bad(code.problem());
        Checked<List<String>> lines = Typed.headerLines(headerLines, Field.REFUSE_HEADERS, "form.refuseHeaders");
        if (!lines.isOk()) return Checked.bad(lines.problem());
        return Checked.ok(new ServerConfig.Refusal(code.value(), null,
                Typed.text(body), lines.value()));
    }

    /** What to answer in Sec-WebSocket-Protocol: "" none, {@code *} the first offered, or a token. */
    public static Checked<String> subprotocolAnswer(String typed) {
        String s = Typed.text(typed).strip();
        if (s.isEmpty() || s.equals(ServerBehaviour.FIRST_OFFERED) || Typed.token(s)) return Checked.ok(s);
        return Checked.bad(Field.SUBPROTOCOL_ANSWER, "form.subprotocol", s);
    }

    /**
     * The close after N messages: a code a close frame may carry (it goes through the closing handshake,
     * unlike the labs' closes, which may send anything) and a reason that fits in the frame.
     */
    public static Checked<CloseRequest> closeAfterMessages(String code, String reason) {
        Checked<Integer> c = Typed.wholeNumber(code, 0, 65_535, CloseCodes.NORMAL, Field.CLOSE_AFTER_CODE,
                "form.closeAfterCode");
        if (!c.isOk() || !CloseCodes.sendable(c.value())) return Checked.bad(Field.CLOSE_AFTER_CODE, "form.closeAfterCode");
        CloseRequest close = new CloseRequest(c.value(), Typed.text(reason));
        if (close.problems().contains(CloseRequest.Problem.REASON_TOO_LONG)) {
            return Checked.bad(Field.CLOSE_AFTER_REASON, "form.closeReason", close.reasonBytes());
        }
        return Checked.ok(close);
    }
}
