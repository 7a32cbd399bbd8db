package dev.duplex.check;

/**
 * One case's result.
 *
 * @param id       its number, such as "6.3.2"
 * @param group    its group (0 for the opening handshake)
 * @param title    one line of what it does
 * @param section  the RFC 6455 section it rests on
 * @param echo     whether it needs an echoing server
 * @param verdict  PASS, NON-STRICT, …
 * @param observed what the server did
 * @param why      why that verdict, when it is not PASS (empty otherwise)
 * @param millis   how long it took
 */
public record CaseResult(String id, int group, String title, String section, boolean echo, Verdict verdict,
        String observed, String why, long millis, Transcript transcript) { }
