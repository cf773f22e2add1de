package io.chargecheck.report;

import java.util.stream.Collectors;

/**
 * Makes an exception readable in one table cell: assertion libraries start with a blank line and
 * spread expected and actual over many lines, stack traces add nothing for a test engineer.
 */
final class FailureMessage {

    static final int MAX_LINES = 4;

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
        // never cut short: the cell wraps, and a verdict a manufacturer cannot read whole is worth little
        return text.lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .limit(MAX_LINES)
                .collect(Collectors.joining(" "));
    }
}
