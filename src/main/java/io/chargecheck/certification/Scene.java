package io.chargecheck.certification;

import io.chargecheck.ocpp.message.Core.KeyValue;
import io.chargecheck.ocpp.message.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What one scenario remembers from step to step: where its last action began in the journal,
 * the last answer, the transaction it started. Created fresh for every scenario.
 */
public final class Scene {

    /** The journal position when the scenario began. */
    public final long start;
    /** The journal position just before the last action (a command or a physical action). */
    public long lastAction;
    public Response lastAnswer;
    public Integer transactionId;
    public Integer reservationId;
    public String diagnosticsFileName;
    public Map<String, KeyValue> configuration;

    /** What the scenario set up on the station that its aftercare takes away again (a local list entry). */
    final List<Runnable> afterwards = new ArrayList<>();
    /** Keys the station took with RebootRequired: they apply only after its next boot. */
    public final List<String> rebootRequired = new ArrayList<>();
    public Integer testInterval;

    public Scene(long start) {
        this.start = start;
        this.lastAction = start;
    }

    public void afterwards(Runnable undo) {
        afterwards.add(undo);
    }
}
