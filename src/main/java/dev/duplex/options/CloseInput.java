package dev.duplex.options;

import java.util.List;

import dev.duplex.protocol.CloseRequest;

/**
 * A close code and reason as typed in a lab (the client's Control frames, the server lab's close, {@code
 * connect}'s {@code /close}). Any number of two bytes goes: a code that breaks the rules goes out as typed,
 * to see what the peer does; {@link #hint()} says which way and why.
 *
 * @param code   the code as typed; empty (or null) for a close frame without code
 * @param reason the reason; null counts as empty
 */
public record CloseInput(String code, String reason) {

    /** The close to send, or {@code form.closeCode} when the code is not a whole number from 0 to 65535. */
    public Checked<CloseRequest> request() {
        String t = Typed.text(code).strip();
        if (t.isEmpty()) return Checked.ok(new CloseRequest(CloseRequest.NO_CODE, reason));
        return Typed.wholeNumber(t, 0, 65_535, 0, Field.CLOSE_CODE, "form.closeCode")
                .map(c -> new CloseRequest(c, reason));
    }

    /**
     * How this close goes out and why, for the line under the close fields: the closing handshake, as
     * typed (and which rule it breaks), or not at all ({@code form.closeCode} when the code is not a number;
     * {@code close.problem.CODE_DOES_NOT_FIT} when it is one that two bytes cannot hold).
     */
    public CloseRequest.Hint hint() {
        Checked<CloseRequest> request = request();
        if (request.isOk()) return request.value().hint();
        int bytes = new CloseRequest(CloseRequest.NO_CODE, reason).reasonBytes();
        Checked<Integer> number = Typed.wholeNumber(Typed.text(code), Integer.MIN_VALUE, Integer.MAX_VALUE, 0,
                Field.CLOSE_CODE, "form.closeCode");
        if (number.isOk()) {
            return new CloseRequest.Hint(CloseRequest.Way.NOT_SENT, CloseRequest.Problem.CODE_DOES_NOT_FIT.key(),
                    List.of(number.value(), bytes, CloseRequest.MAX_REASON_BYTES));
        }
        return new CloseRequest.Hint(CloseRequest.Way.NOT_SENT, request.problem().key(), request.problem().args());
    }

    /** Every key {@link #hint()} may name. */
    public static List<String> hintKeys() {
        List<String> keys = new java.util.ArrayList<>(CloseRequest.hintKeys());
        keys.add("form.closeCode");
        return keys;
    }
}
