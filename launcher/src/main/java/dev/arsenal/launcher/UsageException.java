package dev.arsenal.launcher;

/** A command line that cannot be run; the message says what was wrong. */
final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }

    /**
     * The value of {@code option}, the argument at {@code i}.
     *
     * @throws UsageException if the command line ends before it
     */
    static String value(java.util.List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new UsageException(option + " needs a value");
        }
        return args.get(i);
    }
}
