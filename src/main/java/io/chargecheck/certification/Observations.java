package io.chargecheck.certification;

/**
 * Notes for the Result column of the report ("Configuration (36)", "soft reset successful on the
 * second attempt"). The Cucumber glue sends them to the report as attachments.
 */
@FunctionalInterface
public interface Observations {

    void note(String observation);
}
