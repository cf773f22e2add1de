package io.chargecheck.certification.octt;

import io.chargecheck.centralsystem.CallFailure;
import io.chargecheck.centralsystem.StationSession;
import io.chargecheck.certification.Applicability;
import io.chargecheck.certification.Context;
import io.chargecheck.certification.Describe;
import io.chargecheck.certification.octt.CompositeSchedules.Asked;
import io.chargecheck.certification.octt.CompositeSchedules.Expected;
import io.chargecheck.certification.octt.CompositeSchedules.Period;
import io.chargecheck.config.Settings;
import io.chargecheck.ocpp.ErrorCode;
import io.chargecheck.ocpp.Frame;
import io.chargecheck.ocpp.message.Core.KeyValue;
import io.chargecheck.ocpp.message.Core.RemoteStartStopStatus;
import io.chargecheck.ocpp.message.Core.RemoteStartTransactionRequest;
import io.chargecheck.ocpp.message.Core.RemoteStartTransactionResponse;
import io.chargecheck.ocpp.message.Request;
import io.chargecheck.ocpp.message.Response;
import io.chargecheck.ocpp.message.SmartCharging.ChargingProfile;
import io.chargecheck.ocpp.message.SmartCharging.ChargingProfileKindType;
import io.chargecheck.ocpp.message.SmartCharging.ChargingProfilePurposeType;
import io.chargecheck.ocpp.message.SmartCharging.ChargingProfileStatus;
import io.chargecheck.ocpp.message.SmartCharging.ChargingRateUnitType;
import io.chargecheck.ocpp.message.SmartCharging.ChargingSchedule;
import io.chargecheck.ocpp.message.SmartCharging.ChargingSchedulePeriod;
import io.chargecheck.ocpp.message.SmartCharging.ClearChargingProfileRequest;
import io.chargecheck.ocpp.message.SmartCharging.ClearChargingProfileStatus;
import io.chargecheck.ocpp.message.SmartCharging.GetCompositeScheduleRequest;
import io.chargecheck.ocpp.message.SmartCharging.GetCompositeScheduleResponse;
import io.chargecheck.ocpp.message.SmartCharging.SetChargingProfileRequest;
import io.chargecheck.ocpp.message.SmartCharging.SetChargingProfileResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.opentest4j.TestAbortedException;

/**
 * TC_056_CS to TC_072_CS, TC_059_CS and TC_060_CS (Smart Charging): the central system sets charging
 * profiles with the catalogue's values and the tester's test data, clears them, asks for the
 * composite schedule and compares it with the periods the profiles give; a remote start brings a
 * TxProfile, or a profile of another purpose that must be refused.
 */
public final class SmartCharging {

    /** The catalogue's common profile: one period of 6 A (6000 W). */
    static final double COMMON_LIMIT_AMPS = 6;
    /** A transactionId no transaction of a run has: the central system counts from 1, the OCA's own answers from 900 001. */
    static final int NO_SUCH_TRANSACTION = 999_999_999;
    /** The profiles' ids stay clear of ones a platform set on a live charger before. */
    private static final AtomicInteger PROFILE_IDS = new AtomicInteger(61_000);

    /**
     * The test data the OCA lets a tester configure for smart charging ({@code chargecheck.octt.chargingRateUnit},
     * {@code numberPhases}, {@code stackLevel}, {@code duration}, {@code maxTimeDeviation}).
     */
    public record TestData(ChargingRateUnitType unit, int numberPhases, int stackLevel, int duration,
                           Duration maxTimeDeviation) {

        static TestData of(Settings settings) {
            return new TestData(
                    ChargingRateUnitType.valueOf(settings.octtChoice("chargingRateUnit", "A", List.of("A", "W"))),
                    settings.octtInteger("numberPhases", 3, 1, 3),
                    settings.octtInteger("stackLevel", 0, 0, 100),
                    settings.octtInteger("duration", 300, 1, 86_400),
                    settings.octtSeconds("maxTimeDeviation", 5, 30));
        }

        /** The catalogue writes its limits in A: times 1000 where the unit is W. */
        public double limit(double amps) {
            return unit == ChargingRateUnitType.W ? amps * 1000 : amps;
        }
    }

    /** A period of a catalogue's profile or composite schedule: from so many seconds after the profiles' start, so many A. */
    public record Step(int start, double amps) {

        /** "0: 6, 60: 10, 120: 8" */
        public static List<Step> parse(String text) {
            List<Step> steps = new ArrayList<>();
            for (String item : text.split(",")) {
                String[] parts = item.split(":");
                if (parts.length != 2) {
                    throw new IllegalArgumentException("a period is 'seconds: limit', not '" + item.strip() + "'");
                }
                steps.add(new Step(Integer.parseInt(parts[0].strip()), Double.parseDouble(parts[1].strip())));
            }
            return steps;
        }
    }

    /**
     * A profile of a case's Before, as the catalogue gives it: all Absolute, starting at the
     * profiles' start T0; {@code validFor} seconds of validity from T0 (none when null).
     */
    public record Profile(String name, ChargingProfilePurposeType purpose, boolean connectorZero, int stackLevel,
                          Integer validFor, int duration, List<Step> periods) {

        /** A row of a feature's table: profile, purpose, connector (0 or configured), stack level, valid for, duration, periods. */
        public static Profile of(Map<String, String> row) {
            String validFor = Optional.ofNullable(row.get("valid for")).orElse("").strip(); // an empty cell comes as null
            return new Profile(row.get("profile").strip(), ChargingProfilePurposeType.valueOf(row.get("purpose").strip()),
                    row.get("connector").strip().equals("0"), Integer.parseInt(row.get("stack level").strip()),
                    validFor.isEmpty() ? null : Integer.valueOf(validFor), Integer.parseInt(row.get("duration").strip()),
                    Step.parse(row.get("periods")));
        }
    }

    /** A limit the station accepted for the running transaction, and when (and where in the journal): for the check that it follows it. */
    public record LimitSet(double value, ChargingRateUnitType unit, int phases, Instant at, long mark) {
    }

    /** A call's answer, or the CALLERROR the station gave instead. */
    private record Outcome<R>(R answer, Frame.CallError error) {
    }

    private final Context context;
    private final TestData data;
    private final Map<String, Integer> ids = new LinkedHashMap<>();
    private Instant profilesStart;
    private Outcome<SetChargingProfileResponse> lastSet;
    private Outcome<RemoteStartTransactionResponse> lastRemoteStart;
    private ClearChargingProfileStatus lastClear;
    private String lastClearWhat;
    private Integer lastSetTransaction;
    private GetCompositeScheduleResponse lastComposite;
    private Asked lastAsked;
    private Expected asSet;
    private LimitSet limitSet;

    public SmartCharging(Context context) {
        this.context = context;
        this.data = TestData.of(context.settings());
    }

    public TestData data() {
        return data;
    }

    private int connector() {
        return context.connector();
    }

    /** T0 of the catalogue: the max time deviation before the first profile is sent, so that it is in force on arrival. */
    private Instant profilesStart() {
        if (profilesStart == null) {
            profilesStart = Instant.now().minus(data.maxTimeDeviation()).truncatedTo(ChronoUnit.SECONDS);
        }
        return profilesStart;
    }

    // ------------------------------------------------------------------ the common profile (TC_056, TC_057, TC_082, TC_059)

    /** The catalogue's common profile with this purpose: 6 A (6000 W) from T0 for the configured duration, at the configured stack level. */
    private ChargingProfile commonProfile(ChargingProfilePurposeType purpose, Integer transactionId) {
        Instant start = profilesStart();
        asSet = Expected.single(start, data.limit(COMMON_LIMIT_AMPS), start.plusSeconds(data.duration()));
        return new ChargingProfile(PROFILE_IDS.incrementAndGet(), transactionId, data.stackLevel(), purpose,
                ChargingProfileKindType.Absolute, null, null, null, new ChargingSchedule(data.duration(), start, data.unit(),
                List.of(new ChargingSchedulePeriod(0, data.limit(COMMON_LIMIT_AMPS), data.numberPhases())), null));
    }

    /** SetChargingProfile of the common profile for the connector; a TxProfile names the running transaction. */
    public void setCommonProfile(ChargingProfilePurposeType purpose) {
        Integer transactionId = purpose == ChargingProfilePurposeType.TxProfile ? runningTransaction() : null;
        set(connector(), commonProfile(purpose, transactionId));
        limitSet = new LimitSet(data.limit(COMMON_LIMIT_AMPS), data.unit(), data.numberPhases(), Instant.now(),
                context.evidence().mark());
    }

    /** TC_058_1, TC_058_2: a TxProfile for the connector naming a transaction that does not run there. */
    public void setTxProfileForAnotherTransaction() {
        Integer running = context.scene().transactionId;
        set(connector(), commonProfile(ChargingProfilePurposeType.TxProfile, running == null ? NO_SUCH_TRANSACTION : running + 1));
    }

    /** TC_059: the reusable state Charging, its remote start carrying the common profile as a TxProfile. */
    public void chargingUnderTxProfile() {
        ChargingProfile profile = commonProfile(ChargingProfilePurposeType.TxProfile, null);
        new ReusableStates(context).charging(profile);
        remember(profile.chargingProfileId());
        limitSet = new LimitSet(data.limit(COMMON_LIMIT_AMPS), data.unit(), data.numberPhases(), Instant.now(),
                context.evidence().mark());
    }

    /** TC_060: RemoteStartTransaction whose charging profile has another purpose than TxProfile. */
    public void remoteStartWithProfileOf(ChargingProfilePurposeType purpose) {
        ChargingProfile profile = commonProfile(purpose, null);
        lastRemoteStart = sendAllowingCallError(new RemoteStartTransactionRequest(connector(),
                context.settings().acceptedIdTag(), profile));
    }

    public void assertSetAccepted() {
        ChargingProfileStatus status = statusOf(lastSet, "SetChargingProfile");
        if (status != ChargingProfileStatus.Accepted) {
            throw new AssertionError("expected SetChargingProfile to be Accepted; it was " + status, null);
        }
    }

    /** TC_058_2: Rejected, nothing else. */
    public void assertSetRejected() {
        ChargingProfileStatus status = statusOf(lastSet, "SetChargingProfile");
        if (status != ChargingProfileStatus.Rejected) {
            throw new AssertionError("expected SetChargingProfile of a TxProfile for transaction "
                    + lastSetTransaction + ", which does not run at connector " + connector() + ", to be Rejected; it was "
                    + status, null);
        }
    }

    /** TC_058_1: Rejected, or a CALLERROR PropertyConstraintViolation. */
    public void assertSetRefused() {
        if (refused(lastSet, lastSet.answer() != null && lastSet.answer().status() == ChargingProfileStatus.Rejected)) {
            return;
        }
        throw new AssertionError("expected SetChargingProfile of a TxProfile with no transaction running at connector "
                + connector() + " to be Rejected, or a CALLERROR PropertyConstraintViolation; it was " + describe(lastSet), null);
    }

    /** TC_060: Rejected, or a CALLERROR PropertyConstraintViolation. */
    public void assertRemoteStartRefused() {
        if (refused(lastRemoteStart, lastRemoteStart.answer() != null
                && lastRemoteStart.answer().status() == RemoteStartStopStatus.Rejected)) {
            return;
        }
        throw new AssertionError("expected RemoteStartTransaction with a charging profile other than a TxProfile to be "
                + "Rejected, or a CALLERROR PropertyConstraintViolation; it was " + describe(lastRemoteStart), null);
    }

    /** The limit accepted for the running transaction, for the check beyond the OCA's plan that the charging follows it. */
    public LimitSet limitSet() {
        if (limitSet == null) {
            throw new IllegalStateException("no limit was set in this scenario");
        }
        return limitSet;
    }

    // ------------------------------------------------------------------ the profiles of a case's Before (TC_066, TC_067, TC_072)

    /** TC_066's prerequisites: room for so many profiles and so many periods; a station with less is not what the case is for. */
    public void requireRoomFor(int profiles, int periods) {
        requireAtLeast("MaxChargingProfilesInstalled", profiles);
        requireAtLeast("ChargingScheduleMaxPeriods", periods);
    }

    private void requireAtLeast(String key, int wanted) {
        Optional<Integer> value = context.platform().readKey(key).map(KeyValue::value).map(String::strip)
                .filter(v -> v.matches("\\d+")).map(Integer::valueOf);
        if (value.isEmpty() || value.get() < wanted) {
            throw new TestAbortedException(Applicability.NOT_APPLICABLE + "the case needs " + key + " of at least " + wanted
                    + "; the station has " + value.map(String::valueOf).orElse("no such key"));
        }
    }

    /** The memory state SetChargingProfile, once for each profile, in order; each must be Accepted. */
    public void setProfiles(List<Profile> profiles) {
        Instant start = profilesStart();
        for (Profile p : profiles) {
            ChargingSchedule schedule = new ChargingSchedule(p.duration(), start, data.unit(), p.periods().stream()
                    .map(s -> new ChargingSchedulePeriod(s.start(), data.limit(s.amps()), data.numberPhases())).toList(), null);
            Integer transactionId = p.purpose() == ChargingProfilePurposeType.TxProfile ? runningTransaction() : null;
            ChargingProfile profile = new ChargingProfile(PROFILE_IDS.incrementAndGet(), transactionId, p.stackLevel(),
                    p.purpose(), ChargingProfileKindType.Absolute, null, p.validFor() == null ? null : start,
                    p.validFor() == null ? null : start.plusSeconds(p.validFor()), schedule);
            set(p.connectorZero() ? 0 : connector(), profile);
            ChargingProfileStatus status = statusOf(lastSet, "SetChargingProfile of " + p.name());
            if (status != ChargingProfileStatus.Accepted) {
                throw new AssertionError("expected SetChargingProfile of " + p.name() + " (" + p.purpose() + ", stack level "
                        + p.stackLevel() + ") to be Accepted, as the case's memory state needs; it was " + status, null);
            }
            ids.put(p.name(), profile.chargingProfileId());
        }
    }

    // ------------------------------------------------------------------ ClearChargingProfile (TC_067)

    public void clearProfile(String name) {
        Integer id = ids.get(name);
        if (id == null) {
            throw new IllegalStateException("no profile " + name + " was set in this scenario");
        }
        clear(new ClearChargingProfileRequest(id, null, null, null), name + " by its id");
    }

    public void clearProfiles(ChargingProfilePurposeType purpose, int stackLevel) {
        clear(new ClearChargingProfileRequest(null, null, purpose, stackLevel), "the " + purpose + "s of stack level " + stackLevel);
    }

    public void clearAllProfiles() {
        clear(new ClearChargingProfileRequest(null, null, null, null), "with no criteria");
    }

    private void clear(ClearChargingProfileRequest request, String what) {
        lastClearWhat = what;
        lastClear = context.platform().send(request).status();
    }

    public void assertClearAccepted() {
        if (lastClear != ClearChargingProfileStatus.Accepted) {
            throw new AssertionError("expected ClearChargingProfile " + lastClearWhat + " to be Accepted; it was " + lastClear,
                    null);
        }
    }

    // ------------------------------------------------------------------ GetCompositeSchedule

    /** GetCompositeSchedule for the connector, for so many seconds (null: the configured duration), in the configured unit. */
    public void askCompositeSchedule(Integer duration) {
        int seconds = duration == null ? data.duration() : duration;
        lastAsked = new Asked(connector(), seconds, data.unit(), Instant.now());
        lastComposite = context.platform().send(new GetCompositeScheduleRequest(connector(), seconds, data.unit()));
    }

    /** The composite shows the common profile: its limit from the schedule's start until the profile ends. */
    public void assertCompositeAsSet() {
        verify(asSet);
    }

    /** The composite has these periods, each from so many seconds after the profiles' start (the catalogue's "x"). */
    public void assertComposite(List<Step> steps) {
        Instant start = profilesStart();
        verify(new Expected(steps.stream().map(s -> new Period(start.plusSeconds(s.start()), data.limit(s.amps()))).toList(),
                null));
    }

    /** TC_067 after the last clear: one period, the station's own limit, over the whole schedule. */
    public void assertCompositeIsTheStationsOwnLimit() {
        GetCompositeScheduleResponse answer = composite();
        List<ChargingSchedulePeriod> periods = answer.chargingSchedule() == null ? List.of()
                : answer.chargingSchedule().chargingSchedulePeriod();
        double first = periods.isEmpty() ? 0 : periods.get(0).limit();
        Instant scheduleStart = answer.scheduleStart() != null ? answer.scheduleStart()
                : answer.chargingSchedule() == null ? null : answer.chargingSchedule().startSchedule();
        Expected own = Expected.single(scheduleStart == null ? lastAsked.at() : scheduleStart, first, null);
        CompositeSchedules.verify(answer, lastAsked, own, data.maxTimeDeviation());
        context.observations().note("the station's own limit, with no charging profile: " + CompositeSchedules.describe(
                answer.chargingSchedule()));
    }

    private void verify(Expected expected) {
        long x = CompositeSchedules.verify(composite(), lastAsked, expected, data.maxTimeDeviation());
        context.observations().note("composite schedule " + CompositeSchedules.describe(lastComposite.chargingSchedule())
                + ", x = " + x + " s");
    }

    private GetCompositeScheduleResponse composite() {
        if (lastComposite == null) {
            throw new IllegalStateException("no composite schedule was asked for in this scenario");
        }
        return lastComposite;
    }

    // ------------------------------------------------------------------ plumbing

    private void set(int connectorId, ChargingProfile profile) {
        lastSetTransaction = profile.transactionId();
        lastSet = sendAllowingCallError(new SetChargingProfileRequest(connectorId, profile));
        if (lastSet.error() == null && lastSet.answer().status() == ChargingProfileStatus.Accepted) {
            remember(profile.chargingProfileId());
        }
    }

    /** A profile the station took stays no longer than the case: the aftercare clears it (a TxProfile goes with its transaction). */
    private void remember(int id) {
        context.scene().afterwards(() -> context.platform().send(new ClearChargingProfileRequest(id, null, null, null)));
    }

    private <R extends Response> Outcome<R> sendAllowingCallError(Request<R> request) {
        context.scene().lastAction = context.evidence().mark();
        StationSession session = context.bench().centralSystem().session(context.station().id())
                .orElseThrow(() -> new AssertionError("cannot send " + request.getClass().getSimpleName().replace("Request", "")
                        + ": " + context.station().id() + " is not connected", null));
        Duration timeout = context.timeouts().call();
        try {
            R answer = session.call(request, timeout).get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
            context.scene().lastAnswer = answer;
            return new Outcome<>(answer, null);
        } catch (ExecutionException e) {
            Optional<CallFailure> failure = CallFailure.of(e);
            Optional<Frame.CallError> error = failure.flatMap(CallFailure::callError);
            if (error.isPresent()) {
                return new Outcome<>(null, error.get());
            }
            throw new AssertionError("expected an answer to " + request.getClass().getSimpleName().replace("Request", "")
                    + "; " + failure.map(Throwable::getMessage).orElse(String.valueOf(e.getCause())), null);
        } catch (TimeoutException e) {
            throw new AssertionError("expected an answer to " + request.getClass().getSimpleName().replace("Request", "")
                    + " within " + Describe.seconds(timeout), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for an answer", null);
        }
    }

    /** Refused as the OCA allows it: answered Rejected, or a CALLERROR PropertyConstraintViolation. */
    private static boolean refused(Outcome<?> outcome, boolean rejected) {
        return outcome.error() != null ? outcome.error().code() == ErrorCode.PropertyConstraintViolation : rejected;
    }

    private static ChargingProfileStatus statusOf(Outcome<SetChargingProfileResponse> outcome, String what) {
        if (outcome.error() != null) {
            throw new AssertionError("expected an answer to " + what + "; the station answered with CALLERROR "
                    + outcome.error().code() + " (" + io.chargecheck.ocpp.Untrusted.shown(outcome.error().description()) + ")",
                    null);
        }
        return outcome.answer().status();
    }

    private static String describe(Outcome<?> outcome) {
        if (outcome.error() != null) {
            return "CALLERROR " + outcome.error().code();
        }
        Object answer = outcome.answer();
        if (answer instanceof SetChargingProfileResponse set) {
            return set.status().name();
        }
        if (answer instanceof RemoteStartTransactionResponse start) {
            return start.status().name();
        }
        return String.valueOf(answer);
    }

    private int runningTransaction() {
        if (context.scene().transactionId == null) {
            throw new IllegalStateException("the case sets a TxProfile, and no transaction was started in this scenario");
        }
        return context.scene().transactionId;
    }
}
