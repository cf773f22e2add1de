package io.chargecheck.certification;

/**
 * Notes for the Result column of the report. The Cucumber glue sends them to the report as
 * attachments.
 */
public interface Observations {

    /** Something worth knowing about a passing case: "Configuration (36)", "soft reset successful on the second attempt". */
    void note(String observation);

    /**
     * Something OCPP 1.6 requires that the station does not do, found by a check beyond the script's
     * acceptance criteria: shown in the case's row and counted in the report's conformance summary.
     */
    void nonConformance(String finding);
}
