package dev.duplex.conversation;

/**
 * A conversation file could not be read: where (1-based line, and column when known) and what is wrong, in
 * words a user can act on. The message never carries a parser's stack trace or its "[Source: ...]" noise.
 */
public final class ConversationFileException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;
    private final String problem;

    /** @param column 1-based, or 0 when the problem is with the line (or object) as a whole */
    public ConversationFileException(int line, int column, String problem) {
        super(column > 0 ? "line " + line + ", column " + column + ": " + problem : "line " + line + ": " + problem);
        this.line = line;
        this.column = column;
        this.problem = problem;
    }

    public int line() {
        return line;
    }

    /** 1-based, or 0 when not known. */
    public int column() {
        return column;
    }

    /** What is wrong, without the position. */
    public String problem() {
        return problem;
    }
}
