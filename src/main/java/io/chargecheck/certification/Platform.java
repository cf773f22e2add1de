package io.chargecheck.certification;

import io.chargecheck.centralsystem.CallFailure;
import io.chargecheck.centralsystem.CentralSystem;
import io.chargecheck.centralsystem.StationSession;
import io.chargecheck.ocpp.Action;
import io.chargecheck.ocpp.ErrorCode;
import io.chargecheck.ocpp.Frame;
import io.chargecheck.ocpp.Untrusted;
import io.chargecheck.ocpp.message.Core.ConfigurationStatus;
import io.chargecheck.ocpp.message.Core.ChangeConfigurationRequest;
import io.chargecheck.ocpp.message.Core.GetConfigurationRequest;
import io.chargecheck.ocpp.message.Core.GetConfigurationResponse;
import io.chargecheck.ocpp.message.Core.KeyValue;
import io.chargecheck.ocpp.message.Request;
import io.chargecheck.ocpp.message.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The central system, as the test engineer drives it: sends commands to the station and waits for
 * the answers. Every configuration key it changes is remembered with its value before the change,
 * so the station is left as it was found.
 */
public final class Platform {

    private static final Logger LOG = LoggerFactory.getLogger(Platform.class);

    private final CentralSystem centralSystem;
    private final Supplier<String> chargePointId;
    private final Duration callTimeout;
    private final Scene scene;
    /** Original values, in the order they were first changed; restored in reverse. */
    private final Map<String, String> changedKeys = new LinkedHashMap<>();

    public Platform(CentralSystem centralSystem, Supplier<String> chargePointId, Duration callTimeout, Scene scene) {
        this.centralSystem = centralSystem;
        this.chargePointId = chargePointId;
        this.callTimeout = callTimeout;
        this.scene = scene;
    }

    /** Sends a command, marks where its evidence begins, and returns the station's answer. */
    public <R extends Response> R send(Request<R> request) {
        scene.lastAction = centralSystem.journal().mark();
        R answer = call(request);
        scene.lastAnswer = answer;
        return answer;
    }

    /** The station's answer to a command, or the CALLERROR it refused the command with. */
    public record Reply<R extends Response>(R answer, Frame.CallError refusal) {
        public boolean refused() {
            return refusal != null;
        }

        /** "CALLERROR NotSupported (what the station said)", for a failure message. */
        public String refusalInWords() {
            String said = refusal.description();
            return "CALLERROR " + refusal.code() + (said.isBlank() ? "" : " (" + Untrusted.shown(said, 80) + ")");
        }
    }

    /**
     * Sends a command the station may refuse with a CALLERROR, where a case allows one (the OCA's
     * "CallError NotSupported" for a profile the station does not have): the refusal is returned,
     * not failed. Any other failure to answer fails as {@link #send} does.
     */
    public <R extends Response> Reply<R> sendAllowingCallError(Request<R> request) {
        scene.lastAction = centralSystem.journal().mark();
        Reply<R> reply = call(request, true);
        scene.lastAnswer = reply.answer();
        return reply;
    }

    /** The answer to the last command, as the type the step expects. */
    public <R extends Response> R lastAnswer(Class<R> type) {
        if (!type.isInstance(scene.lastAnswer)) {
            throw new IllegalStateException("the last answer was " + scene.lastAnswer + ", not a " + type.getSimpleName());
        }
        return type.cast(scene.lastAnswer);
    }

    /** The whole configuration, by key. */
    public Map<String, KeyValue> readConfiguration() {
        GetConfigurationResponse answer = send(new GetConfigurationRequest(null));
        Map<String, KeyValue> keys = new LinkedHashMap<>();
        if (answer.configurationKey() != null) {
            answer.configurationKey().forEach(key -> keys.put(key.key(), key));
        }
        scene.configuration = keys;
        return keys;
    }

    public Optional<KeyValue> readKey(String key) {
        GetConfigurationResponse answer = call(new GetConfigurationRequest(List.of(key)));
        return answer.configurationKey() == null ? Optional.empty()
                : answer.configurationKey().stream().filter(k -> k.key().equalsIgnoreCase(key)).findFirst();
    }

    /** An integer key's value, e.g. HeartbeatInterval; fails naming the key when it is absent or not a number. */
    public int readInteger(String key) {
        String value = readKey(key).map(KeyValue::value)
                .orElseThrow(() -> new AssertionError("the station did not report configuration key " + key));
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new AssertionError("configuration key " + key + " is '" + value + "', not a whole number", null);
        }
    }

    /**
     * Changes a key and remembers its earlier value for {@link #restoreConfiguration()}. The
     * status is returned, not judged: whether Rejected is right depends on the step.
     */
    public ConfigurationStatus changeConfiguration(String key, String value) {
        Optional<String> before = changedKeys.containsKey(key) ? Optional.empty() : currentValue(key);
        ConfigurationStatus status = send(new ChangeConfigurationRequest(key, value)).status();
        boolean changed = status == ConfigurationStatus.Accepted || status == ConfigurationStatus.RebootRequired;
        // Only a change that took, to a different value, has anything to restore.
        before.filter(original -> changed && !original.equals(value)).ifPresent(original -> changedKeys.put(key, original));
        return status;
    }

    /** The key's value: from the configuration this scenario read already, or asked for now. */
    private Optional<String> currentValue(String key) {
        KeyValue known = scene.configuration == null ? null : scene.configuration.get(key);
        return known != null ? Optional.ofNullable(known.value()) : readKey(key).map(KeyValue::value);
    }

    /**
     * Changes a key and fails, naming key and answer, unless the station takes it: Accepted, or
     * RebootRequired (OCPP 1.6: the change applies after the next reboot, which
     * {@link Resets#applyRebootRequiredChanges} then does).
     */
    public void configure(String key, String value) {
        ConfigurationStatus status = changeConfiguration(key, value);
        if (status == ConfigurationStatus.RebootRequired) {
            scene.rebootRequired.add(key);
        } else if (status != ConfigurationStatus.Accepted) {
            throw new AssertionError("expected the station to accept " + key + " = " + value + "; it answered " + status, null);
        }
    }

    /** A whole-number value the station is asked to take: {@code wanted}, or the next one when it has that already. */
    public int differentFromCurrent(String key, int wanted) {
        int current = readInteger(key);
        return current == wanted ? wanted + 1 : wanted;
    }

    /** Puts back every key this scenario changed; returns the keys it could not restore. */
    public List<String> restoreConfiguration() {
        List<String> failed = new ArrayList<>();
        List<Map.Entry<String, String>> entries = new ArrayList<>(changedKeys.entrySet());
        for (int i = entries.size() - 1; i >= 0; i--) {
            Map.Entry<String, String> entry = entries.get(i);
            try {
                ConfigurationStatus status = call(new ChangeConfigurationRequest(entry.getKey(), entry.getValue())).status();
                if (status != ConfigurationStatus.Accepted && status != ConfigurationStatus.RebootRequired) {
                    failed.add(entry.getKey() + " (" + status + ")");
                }
            } catch (AssertionError e) {
                failed.add(entry.getKey() + " (" + e.getMessage() + ")");
            }
        }
        changedKeys.clear();
        if (!failed.isEmpty()) {
            LOG.warn("could not restore configuration: {}", String.join(", ", failed));
        }
        return failed;
    }

    /**
     * ", although it lists FirmwareManagement in SupportedFeatureProfiles": a command refused as not
     * implemented by a station that says it implements the command's profile.
     */
    private String advertisedButRefused(StationSession session, CallFailure failure) {
        boolean notImplemented = failure.callError().map(error -> error.code() == ErrorCode.NotImplemented
                || error.code() == ErrorCode.NotSupported).orElse(false);
        Action.Profile profile = failure.action().profile();
        if (!notImplemented || profile == Action.Profile.Core || failure.action() == Action.GetConfiguration) {
            return "";
        }
        try {
            GetConfigurationResponse answer = session.call(new GetConfigurationRequest(List.of("SupportedFeatureProfiles")),
                    callTimeout).get(callTimeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
            boolean advertised = answer.configurationKey() != null && answer.configurationKey().stream()
                    .filter(k -> k.key().equalsIgnoreCase("SupportedFeatureProfiles") && k.value() != null)
                    .flatMap(k -> java.util.Arrays.stream(k.value().split(",")))
                    .anyMatch(p -> p.strip().equalsIgnoreCase(profile.name()));
            return advertised ? ", although it lists " + profile.name() + " in SupportedFeatureProfiles" : "";
        } catch (ExecutionException | TimeoutException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private <R extends Response> R call(Request<R> request) {
        return call(request, false).answer();
    }

    private <R extends Response> Reply<R> call(Request<R> request, boolean callErrorAllowed) {
        Action action = Action.of(request);
        StationSession session = centralSystem.session(chargePointId.get())
                .orElseThrow(() -> new AssertionError("cannot send " + action + ": " + chargePointId.get()
                        + " is not connected", null));
        try {
            return new Reply<>(session.call(request, callTimeout).get(callTimeout.toMillis() + 1000, TimeUnit.MILLISECONDS),
                    null);
        } catch (ExecutionException e) {
            Optional<CallFailure> failure = CallFailure.of(e);
            Optional<Frame.CallError> refusal = failure.flatMap(CallFailure::callError);
            if (callErrorAllowed && refusal.isPresent()) {
                return new Reply<>(null, refusal.get());
            }
            String why = failure.map(Throwable::getMessage).orElse(String.valueOf(e.getCause()));
            throw new AssertionError("expected an answer to " + action + "; " + why
                    + failure.map(f -> advertisedButRefused(session, f)).orElse(""), null);
        } catch (TimeoutException e) {
            throw new AssertionError("expected an answer to " + action + " within " + Describe.seconds(callTimeout), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for the answer to " + action, null);
        }
    }
}
