package io.chargecheck.simulator;

import io.chargecheck.ocpp.message.SmartCharging.ChargingProfile;
import io.chargecheck.ocpp.message.SmartCharging.ChargingProfileKindType;
import io.chargecheck.ocpp.message.SmartCharging.ChargingProfilePurposeType;
import io.chargecheck.ocpp.message.SmartCharging.ChargingProfileStatus;
import io.chargecheck.ocpp.message.SmartCharging.ChargingRateUnitType;
import io.chargecheck.ocpp.message.SmartCharging.ChargingSchedule;
import io.chargecheck.ocpp.message.SmartCharging.ChargingSchedulePeriod;
import io.chargecheck.ocpp.message.SmartCharging.ClearChargingProfileRequest;
import io.chargecheck.ocpp.message.SmartCharging.ClearChargingProfileResponse;
import io.chargecheck.ocpp.message.SmartCharging.ClearChargingProfileStatus;
import io.chargecheck.ocpp.message.SmartCharging.GetCompositeScheduleRequest;
import io.chargecheck.ocpp.message.SmartCharging.GetCompositeScheduleResponse;
import io.chargecheck.ocpp.message.SmartCharging.GetCompositeScheduleStatus;
import io.chargecheck.ocpp.message.SmartCharging.SetChargingProfileRequest;
import io.chargecheck.ocpp.message.SmartCharging.SetChargingProfileResponse;
import io.chargecheck.simulator.ChargingSchedules.Installed;
import io.chargecheck.simulator.ChargingSchedules.Limit;
import io.chargecheck.simulator.ChargingSchedules.Stack;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Predicate;

/**
 * Smart charging (Smart Charging profile): the charging profiles the central system sets, kept per
 * connector and purpose (ChargePointMaxProfile on connector 0, TxDefaultProfile on a connector or on
 * 0 for all, TxProfile for the running transaction only, gone when it ends); SetChargingProfile,
 * ClearChargingProfile and GetCompositeSchedule; the TxProfile a RemoteStartTransaction brings; and
 * the meters, held at the limit in force ({@link ChargingSchedules} does the arithmetic).
 */
final class ChargingProfiles {

    static final String MAX_STACK_LEVEL = "ChargeProfileMaxStackLevel";
    static final String ALLOWED_RATE_UNITS = "ChargingScheduleAllowedChargingRateUnit";
    static final String MAX_PERIODS = "ChargingScheduleMaxPeriods";
    static final String MAX_PROFILES = "MaxChargingProfilesInstalled";
    /** How far ahead the meters' next change of limit is looked for; a profile further off is looked at again then. */
    private static final Duration HORIZON = Duration.ofHours(6);

    /** A profile on the station, and for a TxProfile the transaction it is for. */
    private record Kept(Installed installed, Connector.Transaction transaction) {
        ChargingProfile profile() {
            return installed.profile();
        }

        int connectorId() {
            return installed.connectorId();
        }
    }

    private final Station station;
    private final EventLog log;
    private final List<Kept> kept = new ArrayList<>();
    /** The TxProfile of a remote start, for the transaction that starts at the connector. */
    private final Map<Connector, ChargingProfile> forNextTransaction = new HashMap<>();
    private ScheduledFuture<?> wakeUp;
    private Instant wakeUpAt;

    ChargingProfiles(Station station) {
        this.station = station;
        this.log = station.log;
    }

    void register(RemoteCommands commands) {
        commands.on(SetChargingProfileRequest.class, this::setChargingProfile);
        commands.on(ClearChargingProfileRequest.class, this::clearChargingProfile);
        commands.on(GetCompositeScheduleRequest.class, this::getCompositeSchedule);
    }

    /** The station's own limit, where no profile has one: what its meters can draw. */
    static Limit ownLimit() {
        return new Limit(Meter.MAX_CURRENT, ChargingRateUnitType.A, Meter.PHASES);
    }

    // ------------------------------------------------------------------ SetChargingProfile

    private Answer setChargingProfile(SetChargingProfileRequest request) {
        int connectorId = request.connectorId();
        ChargingProfile profile = request.csChargingProfiles();
        String refused = refusal(connectorId, profile);
        Connector.Transaction transaction = null;
        if (refused == null && profile.chargingProfilePurpose() == ChargingProfilePurposeType.TxProfile) {
            transaction = station.connectors[connectorId].transaction;
            if (transaction == null) {
                if (station.has(Quirk.TX_PROFILE_WITHOUT_TRANSACTION_ACCEPTED)) {
                    log.info("SetChargingProfile {}: Accepted and dropped, no transaction runs at connector {}"
                            + " (quirk tx-profile-without-transaction-accepted)", profile.chargingProfileId(), connectorId);
                    return accepted();
                }
                refused = "no transaction runs at connector " + connectorId;
            } else if (profile.transactionId() != null && !profile.transactionId().equals(transaction.transactionId)) {
                if (station.has(Quirk.TX_PROFILE_TRANSACTION_ID_NOT_CHECKED)) {
                    log.info("SetChargingProfile {} names transaction {}; applied to transaction {}"
                            + " (quirk tx-profile-transaction-id-not-checked)", profile.chargingProfileId(),
                            profile.transactionId(), transaction.wireId());
                } else {
                    refused = "transaction " + profile.transactionId() + " does not run at connector " + connectorId
                            + " (transaction " + transaction.wireId() + " does)";
                }
            }
        }
        if (refused == null) {
            refused = install(connectorId, profile, transaction);
        }
        if (refused != null) {
            log.info("SetChargingProfile {} ({} at connector {}): Rejected, {}", profile.chargingProfileId(),
                    profile.chargingProfilePurpose(), connectorId, refused);
            return Answer.of(new SetChargingProfileResponse(ChargingProfileStatus.Rejected));
        }
        log.info("SetChargingProfile {} ({}, stack level {}, {}) at connector {}: Accepted", profile.chargingProfileId(),
                profile.chargingProfilePurpose(), profile.stackLevel(), describe(profile.chargingSchedule()), connectorId);
        return accepted();
    }

    private static Answer accepted() {
        return Answer.of(new SetChargingProfileResponse(ChargingProfileStatus.Accepted));
    }

    /**
     * Puts the profile in, in place of one with its id or with its stack level and purpose on its
     * connector (OCPP 1.6 SetChargingProfile); why not, if it does not fit.
     */
    private String install(int connectorId, ChargingProfile profile, Connector.Transaction transaction) {
        Predicate<Kept> replaced = k -> k.profile().chargingProfileId().equals(profile.chargingProfileId())
                || k.connectorId() == connectorId && k.profile().chargingProfilePurpose() == profile.chargingProfilePurpose()
                && (k.profile().stackLevel().equals(profile.stackLevel()) || station.has(Quirk.STACK_LEVELS_IGNORED));
        long staying = kept.stream().filter(replaced.negate()).count();
        int max = intKey(MAX_PROFILES);
        if (staying >= max) {
            return "MaxChargingProfilesInstalled (" + max + ") profiles are installed already";
        }
        List<Kept> gone = kept.stream().filter(replaced).toList();
        if (!gone.isEmpty()) {
            log.info("charging profile {} replaces {}{}", profile.chargingProfileId(),
                    gone.stream().map(k -> k.profile().chargingProfileId()).toList(),
                    station.has(Quirk.STACK_LEVELS_IGNORED) ? " (quirk stack-levels-ignored)" : "");
        }
        kept.removeIf(replaced);
        kept.add(new Kept(new Installed(connectorId, profile, station.now()), transaction));
        return null;
    }

    /** Why the station cannot take this profile for this connector, or null when it can. */
    private String refusal(int connectorId, ChargingProfile profile) {
        if (connectorId < 0 || connectorId >= station.connectors.length) {
            return "the station has no connector " + connectorId;
        }
        ChargingProfilePurposeType purpose = profile.chargingProfilePurpose();
        if (purpose == ChargingProfilePurposeType.ChargePointMaxProfile && connectorId != 0) {
            return "a ChargePointMaxProfile is for connector 0, the station as a whole";
        }
        if (purpose == ChargingProfilePurposeType.TxProfile && connectorId == 0) {
            return "a TxProfile is for the transaction of a connector, not for connector 0";
        }
        return scheduleRefusal(profile);
    }

    /** Why the profile's own content does not suit this station, or null. */
    private String scheduleRefusal(ChargingProfile profile) {
        int maxStackLevel = intKey(MAX_STACK_LEVEL);
        if (profile.stackLevel() < 0 || profile.stackLevel() > maxStackLevel) {
            return "stack level " + profile.stackLevel() + " is outside 0 to ChargeProfileMaxStackLevel (" + maxStackLevel + ")";
        }
        ChargingSchedule schedule = profile.chargingSchedule();
        if (!allowedUnits().contains(schedule.chargingRateUnit())) {
            return "charging rate unit " + schedule.chargingRateUnit() + " is not in ChargingScheduleAllowedChargingRateUnit";
        }
        List<ChargingSchedulePeriod> periods = schedule.chargingSchedulePeriod();
        int maxPeriods = intKey(MAX_PERIODS);
        if (periods.isEmpty() || periods.size() > maxPeriods) {
            return periods.size() + " periods, where ChargingScheduleMaxPeriods is " + maxPeriods;
        }
        for (int i = 0; i < periods.size(); i++) {
            ChargingSchedulePeriod period = periods.get(i);
            if (period.startPeriod() < 0 || i > 0 && period.startPeriod() <= periods.get(i - 1).startPeriod()) {
                return "the periods' startPeriod must rise from 0 or more";
            }
            if (period.limit() < 0 || period.numberPhases() != null && (period.numberPhases() < 1 || period.numberPhases() > 3)) {
                return "period " + period.startPeriod() + " has a negative limit or a number of phases other than 1 to 3";
            }
        }
        if (schedule.duration() != null && schedule.duration() <= 0) {
            return "the schedule's duration is " + schedule.duration() + " s";
        }
        if (profile.chargingProfileKind() == ChargingProfileKindType.Recurring && profile.recurrencyKind() == null) {
            return "a Recurring profile needs a recurrencyKind";
        }
        if (profile.validFrom() != null && profile.validTo() != null && !profile.validTo().isAfter(profile.validFrom())) {
            return "validTo is not after validFrom";
        }
        return null;
    }

    // ------------------------------------------------------------------ RemoteStartTransaction with a profile

    /** Why a remote start cannot bring this profile (OCPP 1.6: it must be a TxProfile), or null. */
    String refusalForRemoteStart(ChargingProfile profile) {
        if (profile.chargingProfilePurpose() != ChargingProfilePurposeType.TxProfile) {
            if (station.has(Quirk.REMOTE_START_PROFILE_PURPOSE_NOT_CHECKED)) {
                log.info("the remote start's {} is taken and dropped (quirk remote-start-profile-purpose-not-checked)",
                        profile.chargingProfilePurpose());
                return null;
            }
            return "its charging profile is a " + profile.chargingProfilePurpose() + ", not a TxProfile";
        }
        String refused = scheduleRefusal(profile);
        return refused == null ? null : "its charging profile does not suit the station: " + refused;
    }

    /** The TxProfile of a remote start: it is installed for the transaction the start leads to. */
    void forNextTransaction(Connector c, ChargingProfile profile) {
        if (profile.chargingProfilePurpose() != ChargingProfilePurposeType.TxProfile) {
            return;
        }
        if (station.has(Quirk.REMOTE_START_PROFILE_IGNORED)) {
            log.info("the remote start's TxProfile {} is dropped (quirk remote-start-profile-ignored)",
                    profile.chargingProfileId());
            return;
        }
        forNextTransaction.put(c, profile);
    }

    // ------------------------------------------------------------------ ClearChargingProfile

    private Answer clearChargingProfile(ClearChargingProfileRequest request) {
        Predicate<Kept> matches = request.id() != null
                ? k -> k.profile().chargingProfileId().equals(request.id())
                : k -> (request.connectorId() == null || k.connectorId() == request.connectorId())
                && (request.chargingProfilePurpose() == null || k.profile().chargingProfilePurpose() == request.chargingProfilePurpose())
                && (request.stackLevel() == null || k.profile().stackLevel().equals(request.stackLevel()));
        List<Integer> matched = kept.stream().filter(matches).map(k -> k.profile().chargingProfileId()).toList();
        String criteria = criteria(request);
        if (matched.isEmpty()) {
            log.info("ClearChargingProfile {}: Unknown, no profile matches", criteria);
            return Answer.of(new ClearChargingProfileResponse(ClearChargingProfileStatus.Unknown));
        }
        if (station.has(Quirk.CLEAR_CHARGING_PROFILE_IGNORED)) {
            log.info("ClearChargingProfile {}: Accepted, profiles {} kept (quirk clear-charging-profile-ignored)", criteria,
                    matched);
        } else {
            kept.removeIf(matches);
            log.info("ClearChargingProfile {}: Accepted, profiles {} cleared", criteria, matched);
        }
        return Answer.of(new ClearChargingProfileResponse(ClearChargingProfileStatus.Accepted));
    }

    private static String criteria(ClearChargingProfileRequest request) {
        if (request.id() != null) {
            return "id " + request.id();
        }
        List<String> given = new ArrayList<>();
        if (request.connectorId() != null) {
            given.add("connector " + request.connectorId());
        }
        if (request.chargingProfilePurpose() != null) {
            given.add(request.chargingProfilePurpose().name());
        }
        if (request.stackLevel() != null) {
            given.add("stack level " + request.stackLevel());
        }
        return given.isEmpty() ? "(all)" : String.join(", ", given);
    }

    // ------------------------------------------------------------------ GetCompositeSchedule

    private Answer getCompositeSchedule(GetCompositeScheduleRequest request) {
        int connectorId = request.connectorId();
        ChargingRateUnitType unit = request.chargingRateUnit() == null ? ChargingRateUnitType.A : request.chargingRateUnit();
        if (connectorId < 0 || connectorId >= station.connectors.length || request.duration() <= 0
                || !allowedUnits().contains(unit)) {
            log.info("GetCompositeSchedule for connector {}, {} s in {}: Rejected", connectorId, request.duration(), unit);
            return Answer.of(new GetCompositeScheduleResponse(GetCompositeScheduleStatus.Rejected, null, null, null));
        }
        Instant start = station.now().truncatedTo(ChronoUnit.SECONDS);
        Stack stack = stack(station.connectors[connectorId], true, start);
        List<ChargingSchedulePeriod> periods = ChargingSchedules.composite(stack, start, request.duration(), unit, ownLimit());
        ChargingSchedule schedule = new ChargingSchedule(request.duration(), start, unit, periods, null);
        log.info("GetCompositeSchedule for connector {}, {} s in {}: {}", connectorId, request.duration(), unit,
                describe(schedule));
        return Answer.of(new GetCompositeScheduleResponse(GetCompositeScheduleStatus.Accepted, connectorId, start, schedule));
    }

    /**
     * The profiles that apply to the connector: for connector 0 the ChargePointMaxProfiles alone; for
     * a connector also the TxDefaultProfiles (its own and connector 0's) and the TxProfiles of its
     * transaction. {@code composite}: for GetCompositeSchedule (some quirks misreport only that).
     */
    private Stack stack(Connector c, boolean composite, Instant now) {
        Connector.Transaction tx = c.transaction;
        List<Installed> max = installed(k -> k.profile().chargingProfilePurpose() == ChargingProfilePurposeType.ChargePointMaxProfile);
        if (composite && station.has(Quirk.COMPOSITE_WITHOUT_CHARGE_POINT_MAX)) {
            max = List.of();
        }
        if (c.isStation()) {
            return new Stack(0, max, List.of(), List.of(), now);
        }
        List<Installed> txDefault = installed(k -> k.profile().chargingProfilePurpose() == ChargingProfilePurposeType.TxDefaultProfile
                && (k.connectorId() == c.id || k.connectorId() == 0)
                && !(tx != null && station.has(Quirk.TX_DEFAULT_ONLY_FOR_NEXT_TRANSACTION)
                && k.installed().receivedAt().isAfter(tx.started)));
        if (composite && tx == null && station.has(Quirk.COMPOSITE_WITHOUT_TX_DEFAULT_WHEN_IDLE)) {
            txDefault = List.of();
        }
        List<Installed> txProfiles = tx == null || composite && station.has(Quirk.COMPOSITE_WITHOUT_TX_PROFILE) ? List.of()
                : installed(k -> k.transaction() == tx);
        return new Stack(c.id, max, txDefault, txProfiles, tx == null ? now : tx.started);
    }

    private List<Installed> installed(Predicate<Kept> which) {
        return kept.stream().filter(which).map(Kept::installed).toList();
    }

    // ------------------------------------------------------------------ the meters follow the limit

    /**
     * After every event-loop task: a TxProfile goes with its transaction, a remote start's profile
     * joins the transaction it started, and each meter is held at the limit in force; a timer wakes
     * the loop when the limit next changes.
     */
    void followLimits() {
        Instant now = station.now();
        kept.removeIf(k -> k.transaction() != null && station.connectors[k.connectorId()].transaction != k.transaction());
        kept.removeIf(k -> k.profile().validTo() != null && !k.profile().validTo().isAfter(now));
        Instant next = null;
        for (Connector c : Arrays.asList(station.connectors).subList(1, station.connectors.length)) {
            bindRemoteStartProfile(c);
            Stack stack = stack(c, false, now);
            Optional<Limit> limit = station.has(Quirk.CHARGES_AT_FULL_POWER) ? Optional.empty()
                    : ChargingSchedules.limitAt(stack, now);
            Limit held = limit.orElse(ownLimit());
            c.meter.limit(Math.min(Meter.MAX_CURRENT, held.ampsPerPhase()), Math.min(Meter.PHASES, held.phases()), now);
            Optional<Instant> change = ChargingSchedules.nextChange(stack, now, HORIZON);
            if (change.isPresent() && (next == null || change.get().isBefore(next))) {
                next = change.get();
            }
        }
        if (next != null || kept.isEmpty()) {
            wakeUpAt(next);
        } else if (wakeUpAt == null) {
            wakeUpAt(now.plus(HORIZON)); // nothing changes for hours: a look then, not a new timer after every task
        }
    }

    private void bindRemoteStartProfile(Connector c) {
        ChargingProfile profile = forNextTransaction.get(c);
        if (profile == null) {
            return;
        }
        if (c.transaction != null) {
            forNextTransaction.remove(c);
            String refused = install(c.id, profile, c.transaction);
            log.info("the remote start's TxProfile {} {} for the transaction at connector {}", profile.chargingProfileId(),
                    refused == null ? "is installed" : "cannot be installed (" + refused + ")", c.id);
        } else if (c.authorizedIdTag == null) {
            forNextTransaction.remove(c); // the remote start came to nothing
        }
    }

    private void wakeUpAt(Instant at) {
        if (at == null ? wakeUpAt == null : at.equals(wakeUpAt)) {
            return;
        }
        EventLoop.cancel(wakeUp);
        wakeUpAt = at;
        wakeUp = at == null ? null : station.schedule(() -> wakeUpAt = null, Duration.between(station.now(), at));
    }

    // ------------------------------------------------------------------ plumbing

    private int intKey(String key) {
        return station.configuration.intValue(key);
    }

    private List<ChargingRateUnitType> allowedUnits() {
        String allowed = station.configuration.get(ALLOWED_RATE_UNITS).orElse("");
        List<ChargingRateUnitType> units = new ArrayList<>();
        for (String item : allowed.split(",")) {
            switch (item.strip()) {
                case "Current", "A" -> units.add(ChargingRateUnitType.A);
                case "Power", "W" -> units.add(ChargingRateUnitType.W);
                default -> {
                    // not a unit
                }
            }
        }
        return units;
    }

    private static String describe(ChargingSchedule schedule) {
        StringBuilder text = new StringBuilder();
        for (ChargingSchedulePeriod period : schedule.chargingSchedulePeriod()) {
            text.append(text.length() == 0 ? "" : ", ").append(period.startPeriod()).append(" s: ").append(period.limit())
                    .append(' ').append(schedule.chargingRateUnit());
        }
        return text + (schedule.duration() == null ? "" : " for " + schedule.duration() + " s");
    }
}
