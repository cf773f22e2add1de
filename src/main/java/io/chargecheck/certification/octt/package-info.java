/**
 * The Open Charge Alliance's test plan for an OCPP 1.6 charge station (OCTT, FINAL 2024-04), in
 * ChargeCheck's words: the reusable states the OCA's cases start from (Charging, Authorized,
 * Reserved, ...), what the central system answers in each case (a Rejected boot, an Invalid card),
 * and the order of messages with the two exceptions the OCA allows everywhere. The cases
 * themselves are the feature files of {@code features/octt/}, one per case.
 */
package io.chargecheck.certification.octt;
