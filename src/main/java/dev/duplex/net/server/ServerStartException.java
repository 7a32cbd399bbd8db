package dev.duplex.net.server;

import dev.duplex.net.Problem;

/** The echo server could not start listening; {@link #problem()} says why in words the views can show. */
public final class ServerStartException extends Exception {
    private final transient Problem problem;

    public ServerStartException(Problem problem, Throwable cause) {
        super(problem.kind() + ": " + problem.detail(), cause);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
