package io.chargecheck.report;

import io.cucumber.plugin.event.Status;

/**
 * How one scenario of a case ended. {@code message} explains a status other than passed: the
 * first failing step's error, why it was skipped, which step is undefined; null when none is known.
 */
record ScenarioOutcome(String scenario, Status status, String message) {
}
