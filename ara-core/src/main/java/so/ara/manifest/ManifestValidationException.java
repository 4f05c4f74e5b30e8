package so.ara.manifest;

import java.util.List;

/** Every problem found in an app's Ara declarations, reported together. */
public class ManifestValidationException extends IllegalArgumentException {

    private final List<String> problems;

    public ManifestValidationException(List<String> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }

    private static String describe(List<String> problems) {
        StringBuilder message = new StringBuilder("Invalid Ara declarations (")
                .append(problems.size()).append(problems.size() == 1 ? " problem):" : " problems):");
        problems.forEach(problem -> message.append(System.lineSeparator()).append(" - ").append(problem));
        return message.toString();
    }
}
