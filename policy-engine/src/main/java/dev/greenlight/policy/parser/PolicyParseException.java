package dev.greenlight.policy.parser;

/**
 * A policy (or policy test) file is invalid. The message is {@code file:line: what is wrong}, the
 * form editors and CI logs link to, so authors can fix a policy without reading the parser.
 */
public final class PolicyParseException extends RuntimeException {

    private final String file;
    private final int line;
    private final String problem;

    public PolicyParseException(String file, int line, String problem) {
        super(file + ":" + line + ": " + problem);
        this.file = file;
        this.line = line;
        this.problem = problem;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public String problem() {
        return problem;
    }
}
