package io.chargecheck.certification.octt;

import io.chargecheck.certification.Context;
import io.chargecheck.certification.PhysicalAction;

/**
 * A person's action that the charger itself may not show (a list storage broken, a card turned
 * away): at a live charger the person presses Enter once it is done, or the operator time runs out;
 * on the simulator it is done when it returns.
 */
final class Confirmed {

    private Confirmed() {
    }

    static void perform(Context context, PhysicalAction action) {
        context.perform(action);
        if (!context.station().driver().isSimulated() && action.sign().isEmpty()) {
            context.bench().console().awaitEnter(context.station().driver().patienceFor(action));
        }
    }
}
