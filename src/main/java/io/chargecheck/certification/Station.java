package io.chargecheck.certification;

import io.chargecheck.centralsystem.CallFailure;
import io.chargecheck.centralsystem.JournalEntry;
import io.chargecheck.centralsystem.StationSession;
import io.chargecheck.config.Settings;
import io.chargecheck.ocpp.Untrusted;
import io.chargecheck.ocpp.message.RemoteTrigger.MessageTrigger;
import io.chargecheck.ocpp.message.RemoteTrigger.TriggerMessageRequest;
import io.chargecheck.ocpp.message.RemoteTrigger.TriggerMessageStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import org.awaitility.core.ConditionEvaluationListener;
import org.awaitility.core.ConditionTimeoutException;

/**
 * One charge station under test: a simulated one or a real charger on the bench, its id, the hands
 * that act on it, and what is known about it for the whole run. Several stations share one
 * {@link Bench}; everything a case reads about a station comes from its own messages only.
 */
public final class Station implements AutoCloseable {

    private static final Duration COUNTDOWN_STEP = Duration.ofSeconds(15);
    private static final Duration SILENT_NOTICE = Duration.ofSeconds(20);

    private final Bench bench;
    private final Settings settings;
    private final StationDriver driver;
    private volatile String id;
    private volatile Integer connectorCount;
    private final Set<String> saidOnce = ConcurrentHashMap.newKeySet();
    private final AtomicInteger scenarios = new AtomicInteger();
    /** When we asked a connected station that sent no BootNotification for one; null if we did not. */
    private volatile Instant bootRequested;

    private Station(Bench bench, Settings settings, StationDriver driver, String id) {
        this.bench = bench;
        this.settings = settings;
        this.driver = driver;
        this.id = id;
    }

    /** A simulated station with an id of its own, built for what the case needs, switched on, and booted. */
    public static Station simulated(Bench bench, Settings settings, String chargePointId, CaseNeeds needs) {
        SimulatedStation driver = SimulatedStation.start(settings, chargePointId, bench, needs);
        Station station = new Station(bench, settings, driver, chargePointId);
        try {
            station.awaitBoot(settings.timeouts().reboot());
        } catch (RuntimeException | Error e) {
            station.close();
            throw e;
        }
        return station;
    }

    /**
     * The charger of these settings (or, with no id set, the first one that connects), once it
     * has connected and booted; the person at the bench is told what to do and how long is left.
     */
    public static Station live(Bench bench, Settings settings) {
        String expected = settings.expectedChargePointId().orElse(null);
        Station station = new Station(bench, settings, new LiveStation(settings, bench.console(), expected), expected);
        station.awaitLiveCharger();
        return station;
    }

    public Bench bench() {
        return bench;
    }

    public Settings settings() {
        return settings;
    }

    public StationDriver driver() {
        return driver;
    }

    /** The station's charge point id; with "any id" configured, the first one that connected. */
    public String id() {
        return id;
    }

    /** What the station sent and sends, and nothing any other station did. */
    public Evidence evidence() {
        return new Evidence(bench.centralSystem().journal(), this::id, driver.isSimulated() ? Evidence.Countdown.NONE
                : (what, left) -> bench.console().countdown(who() + "waiting for " + what, left));
    }

    public Optional<StationSession> session() {
        return id == null ? Optional.empty() : bench.centralSystem().session(id);
    }

    /** The station's number of connectors, asked once per run: it does not change while the charger runs. */
    public int connectorCount(IntSupplier ask) {
        Integer known = connectorCount;
        if (known == null) {
            known = ask.getAsInt();
            connectorCount = known;
        }
        return known;
    }

    /** A scenario begins on this station. */
    public void scenarioBegins() {
        scenarios.incrementAndGet();
    }

    /** True while the station runs its first scenario: nothing of an earlier case can still be under way. */
    public boolean isFresh() {
        return scenarios.get() <= 1;
    }

    /** True the first time it is asked about this note: what a run reports once, not after every case. */
    public boolean firstTime(String note) {
        return saidOnce.add(note);
    }

    /** Puts the simulated world back (no cable, no fault); a live charger is left to its person. */
    public void tidyUpPhysicalWorld() {
        if (driver instanceof SimulatedStation simulated) {
            simulated.tidyUp();
        }
    }

    /** Waits until the station is connected and has booted. */
    public void awaitBoot(Duration timeout) {
        awaitBoot(timeout, condition -> { });
    }

    private void awaitBoot(Duration timeout, ConditionEvaluationListener<Boolean> progress) {
        try {
            Waits.await("the BootNotification of " + id)
                    .atMost(timeout)
                    .conditionEvaluationListener(progress)
                    .until(this::isConnectedAndBooted);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("expected " + (id == null ? "the station" : Untrusted.shown(id))
                    + " to connect and send a BootNotification within " + Describe.seconds(timeout) + "; " + connectionStory(),
                    null);
        }
    }

    /**
     * Connected, and booted at some point: a station that reconnects after a network loss need not
     * boot again (OCPP 1.6 only asks a BootNotification after a reboot), so one boot of the run is
     * enough here; a reset is checked for its own new boot by the case that causes it. A station
     * that is connected but has not booted in this run (it was running before the suite started)
     * is asked for its BootNotification.
     */
    private boolean isConnectedAndBooted() {
        if (id == null) {
            bench.centralSystem().sessions().stream().findFirst().ifPresent(session -> id = session.chargePointId());
        }
        Optional<StationSession> session = session();
        if (session.isEmpty()) {
            return false;
        }
        if (evidence().station().lastBoot().isPresent()) {
            return true;
        }
        askForBootWhenSilent(session.get());
        return false;
    }

    /** A station connected for a while without a BootNotification: TriggerMessage asks for one, once per connection. */
    private void askForBootWhenSilent(StationSession session) {
        Optional<JournalEntry> connected = lastConnection();
        if (connected.isEmpty() || Duration.between(connected.get().time(), Instant.now()).compareTo(settings.timeouts().settle()) < 0) {
            return;
        }
        Instant requested = bootRequested;
        if (requested != null && !requested.isBefore(connected.get().time())) {
            return;
        }
        bootRequested = Instant.now();
        session.call(new TriggerMessageRequest(MessageTrigger.BootNotification, null)).whenComplete((answer, error) -> {
            if (error == null && answer.status() == TriggerMessageStatus.Accepted) {
                inform("connected without a BootNotification; asked for one with TriggerMessage");
            } else {
                String why = error != null ? CallFailure.of(error).map(Throwable::getMessage).orElse(String.valueOf(error))
                        : "it answered " + answer.status();
                inform("connected without a BootNotification and does not send one on request (" + why
                        + "): reboot the charger; the suite keeps waiting");
            }
        });
    }

    private Optional<JournalEntry> lastConnection() {
        List<JournalEntry> entries = evidence().entries(0);
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (entries.get(i).kind() == JournalEntry.Kind.CONNECTED) {
                return Optional.of(entries.get(i));
            }
        }
        return Optional.empty();
    }

    private String connectionStory() {
        List<JournalEntry> refusals = bench.centralSystem().journal().entries().stream()
                .filter(e -> e.kind() == JournalEntry.Kind.REFUSED && (id == null || id.equals(e.chargePointId())))
                .toList();
        if (!refusals.isEmpty()) {
            return "connections were refused: " + Untrusted.shown(refusals.get(refusals.size() - 1).raw(), Untrusted.EXCERPT);
        }
        if (session().isPresent()) {
            Optional<JournalEntry> broken = evidence().entries(0).stream()
                    .filter(e -> e.isCallFromStation(io.chargecheck.ocpp.Action.BootNotification) && e.hasProblem())
                    .reduce((first, second) -> second);
            if (broken.isPresent()) {
                return Untrusted.shown(id) + " sent a BootNotification that breaks OCPP 1.6: " + broken.get().problem();
            }
            return Untrusted.shown(id) + " connected but sent no BootNotification"
                    + (bootRequested == null ? "" : ", not even when asked with TriggerMessage");
        }
        return "no station connected to " + bench.stationUrl(id);
    }

    private void awaitLiveCharger() {
        inform("Then reboot the charger, or wait for it to reconnect.");
        AtomicLong nextLineAt = new AtomicLong();
        awaitBoot(settings.timeouts().reboot(), condition -> {
            if (condition.getElapsedTimeInMS() >= nextLineAt.get()) {
                nextLineAt.addAndGet(COUNTDOWN_STEP.toMillis());
                bench.console().countdown(who() + "waiting for the charger to connect and boot",
                        Duration.ofSeconds(condition.getRemainingTimeInMS() / 1000));
            }
            noticeSilence();
        });
        inform("connected and booted");
    }

    /** A charger that connects and then says nothing is named, once per connection. */
    private void noticeSilence() {
        Optional<JournalEntry> connected = lastConnection();
        if (connected.isEmpty() || Duration.between(connected.get().time(), Instant.now()).compareTo(SILENT_NOTICE) < 0) {
            return;
        }
        boolean saidAnything = evidence().entries(connected.get().seq()).stream()
                .anyMatch(e -> e.isFrame() && e.direction() == JournalEntry.Direction.IN);
        if (!saidAnything && firstTime("silent since " + connected.get().seq())) {
            inform("connected " + SILENT_NOTICE.toSeconds() + " s ago and has sent nothing");
        }
    }

    private void inform(String line) {
        bench.console().inform(who() + line);
    }

    private String who() {
        return id == null ? "" : Untrusted.shown(id) + ": ";
    }

    @Override
    public void close() {
        driver.close();
    }
}
