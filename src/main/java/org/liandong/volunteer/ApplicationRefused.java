package org.liandong.volunteer;

import java.util.List;

/** An application was not stored; every problem found is listed, so the applicant fixes all at once. */
public class ApplicationRefused extends RuntimeException {

    private final transient List<ApplicationProblem> problems;

    public ApplicationRefused(List<ApplicationProblem> problems) {
        super("application refused: " + problems.stream().map(ApplicationProblem::messageKey).toList());
        this.problems = List.copyOf(problems);
    }

    public List<ApplicationProblem> problems() {
        return problems;
    }
}
