package io.chargecheck.report;

import java.util.stream.Collectors;

/**
 * Makes an exception readable in one table cell: assertion libraries start with a blank line and
 * spread expected and actual over many lines, stack traces add nothing for a test engineer.
 */
final class FailureMessage {

    static final int MAX_LINES = 4;
    static final int MAX_LENGTH = 300;

    private FailureMessage() {
    }

    static String of(Throwable error) {
        String message = error.getMessage();
        if (message == null || message.isBlank()) {
            return error.getClass().getSimpleName();
        }
        return shorten(message);
    }

    static String shorten(String text) {
        String joined = text.lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .limit(MAX_LINES)
                .collect(Collectors.joining(" "));
        return joined.length() <= MAX_LENGTH ? joined : joined.substring(0, MAX_LENGTH - 1).stripTrailing() + "…";
    }
}
