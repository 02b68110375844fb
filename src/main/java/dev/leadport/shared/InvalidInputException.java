package dev.leadport.shared;

import java.util.List;

/** Input that breaks a rule, with every offending field named. Answered with 400. */
public class InvalidInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<FieldProblem> problems;

    public InvalidInputException(List<FieldProblem> problems) {
        super(
                problems.isEmpty()
                        ? "Invalid input"
                        : problems.get(0).field() + ": " + problems.get(0).message());
        this.problems = List.copyOf(problems);
    }

    public InvalidInputException(String field, String message) {
        this(List.of(new FieldProblem(field, message)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    /** One field and what is wrong with it. */
    public record FieldProblem(String field, String message) {}
}
