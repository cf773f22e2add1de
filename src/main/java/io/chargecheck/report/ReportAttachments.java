package io.chargecheck.report;

/**
 * The media types the test-script report reads from {@code scenario.attach(bytes, mediaType, name)}.
 * Step code uses these so that the report stays independent of the steps.
 */
public final class ReportAttachments {

    /** UTF-8 text that goes into the case's Result, e.g. "Configuration (36)". Repeats are dropped. */
    public static final String OBSERVATION = "text/x.chargecheck.observation";

    /**
     * UTF-8 JSON {@code {"platform", "station", "stationUrl", "suiteVersion", "strict"}} describing the run;
     * the last one attached wins.
     */
    public static final String RUN_INFO = "application/x.chargecheck.run+json";

    /**
     * UTF-8 text: something OCPP 1.6 requires that the station does not do, found beyond the script's
     * criteria ("key ConnectorPhaseRotation missing"). Shown in the case's Result and counted in
     * the report's conformance summary; repeats are dropped.
     */
    public static final String NON_CONFORMANCE = "text/x.chargecheck.nonconformance";

    /**
     * UTF-8 text: the charge point id of the station a scenario ran against. Each case's chart shows
     * that station's messages only, so stations running side by side never appear in each other's.
     */
    public static final String STATION = "text/x.chargecheck.station";

    private ReportAttachments() {
    }
}
