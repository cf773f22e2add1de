package io.chargecheck.certification;

import io.chargecheck.centralsystem.Journal;
import io.chargecheck.centralsystem.JournalEntry;
import io.chargecheck.centralsystem.StationJournal;
import io.chargecheck.ocpp.Action;
import io.chargecheck.ocpp.Frame;
import io.chargecheck.ocpp.Untrusted;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionEvaluationListener;
import org.awaitility.core.ConditionTimeoutException;

/**
 * What the station sent, read from the central system's journal, and waits for what it should
 * send. A wait reads like the sentence it checks:
 * {@code evidence.next(StatusNotificationRequest.class).matching("connector 1 Charging", s -> ...).after(mark).within(timeout)}.
 * When it times out, the message says what was expected and what came instead.
 */
public final class Evidence {

    private static final Duration POLL = Duration.ofMillis(10);
    private static final int SHOWN = 8;
    /** A wait longer than this tells the person at the bench what it waits for, and counts down. */
    static final Duration LONG_WAIT = Duration.ofSeconds(15);
    /** Our own answer follows the call it answers at once; a loaded machine can still take a moment. */
    private static final Duration OWN_ANSWER = Duration.ofSeconds(5);

    /** Where a long wait says how long is left; the simulator's runs have nobody to tell. */
    @FunctionalInterface
    public interface Countdown {
        Countdown NONE = (what, left) -> { };

        void left(String what, Duration left);
    }

    private final Journal journal;
    private final Supplier<String> chargePointId;
    private final Countdown countdown;

    public Evidence(Journal journal, Supplier<String> chargePointId) {
        this(journal, chargePointId, Countdown.NONE);
    }

    public Evidence(Journal journal, Supplier<String> chargePointId, Countdown countdown) {
        this.journal = journal;
        this.chargePointId = chargePointId;
        this.countdown = countdown;
    }

    /**
     * For a wait of more than {@link #LONG_WAIT}: a line when it begins and one every quarter of a
     * minute with the time left, so a person knows what the suite waits for (a Heartbeat at an
     * interval of 300 s must not look like a hung run).
     */
    public ConditionEvaluationListener<Object> countdown(String what, Duration timeout) {
        if (timeout.compareTo(LONG_WAIT) <= 0 || countdown == Countdown.NONE) {
            return condition -> { };
        }
        AtomicLong nextLineAt = new AtomicLong();
        return condition -> {
            if (condition.getElapsedTimeInMS() >= nextLineAt.get()) {
                nextLineAt.addAndGet(LONG_WAIT.toMillis());
                countdown.left(what, Duration.ofMillis(condition.getRemainingTimeInMS()));
            }
        };
    }

    /**
     * Waits for what shows that a person did an action at a live charger, after the mark; fails
     * saying what was asked and what did not come.
     */
    public void awaitSign(PhysicalAction action, PhysicalAction.Sign sign, long since, Duration timeout) {
        try {
            Waits.await(sign.description())
                    .atMost(timeout)
                    .conditionEvaluationListener(countdown(sign.description() + " after: " + action.instruction(), timeout))
                    .until(() -> entries(since).stream().anyMatch(sign.seen()));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("expected the charger to show within " + Describe.seconds(timeout)
                    + " that the person at the bench did as asked (\"" + action.instruction() + "\"): "
                    + sign.description() + "; it sent none", null);
        }
    }

    public long mark() {
        return journal.mark();
    }

    public <T> Wait<T> next(Class<T> callType) {
        return new Wait<>(callType, Action.ofRequestType(callType), "", any -> true, 0);
    }

    /** The station's calls of this type after the mark, in order, with the entry each came in. */
    public <T> List<Received<T>> received(Class<T> callType, long since) {
        Action action = Action.ofRequestType(callType);
        return entries(since).stream()
                .filter(entry -> entry.isCallFromStation(action) && callType.isInstance(entry.message()))
                .map(entry -> new Received<>(callType.cast(entry.message()), entry))
                .toList();
    }

    public <T> List<T> messages(Class<T> callType, long since) {
        return received(callType, since).stream().map(Received::message).toList();
    }

    /** Every entry of this station after the mark (that is still in memory: a run of weeks forgets its oldest). */
    public List<JournalEntry> entries(long since) {
        String id = chargePointId.get();
        return id == null ? List.of() : journal.of(id).since(since);
    }

    /** What the central system keeps about this station however long the run: its boots and last statuses. */
    public StationJournal station() {
        return journal.of(chargePointId.get());
    }

    /** The frames of this station that broke OCPP, with what was wrong. */
    public List<JournalEntry> problems(long since) {
        return entries(since).stream().filter(JournalEntry::hasProblem).toList();
    }

    /**
     * The CALLRESULT we sent for one of the station's calls. The station's call is journaled
     * before our answer to it, so a step that has just seen the call may have to wait a moment.
     */
    public Optional<JournalEntry> answerTo(JournalEntry call) {
        try {
            return Waits.await("our answer to " + call.action())
                    .atMost(OWN_ANSWER)
                    .until(() -> findAnswer(call), Optional::isPresent);
        } catch (ConditionTimeoutException e) {
            return Optional.empty();
        }
    }

    private Optional<JournalEntry> findAnswer(JournalEntry call) {
        return entries(call.seq() - 1).stream()
                .filter(entry -> entry.direction() == JournalEntry.Direction.OUT
                        && entry.messageId() != null
                        && !"CALL".equals(entry.messageType())
                        && entry.messageId().equals(call.messageId()))
                .findFirst();
    }

    /** A call the station sent, with the journal entry it came in. */
    public record Received<T>(T message, JournalEntry entry) {
    }

    /** A wait for a call of the station; immutable, so a partly built one can be reused. */
    public final class Wait<T> {
        private final Class<T> type;
        private final Action action;
        private final String description;
        private final Predicate<T> condition;
        private final long since;

        private Wait(Class<T> type, Action action, String description, Predicate<T> condition, long since) {
            this.type = type;
            this.action = action;
            this.description = description;
            this.condition = condition;
            this.since = since;
        }

        public Wait<T> matching(String what, Predicate<T> test) {
            return new Wait<>(type, action, what, test, since);
        }

        public Wait<T> after(long mark) {
            return new Wait<>(type, action, description, condition, mark);
        }

        /** Waits for the first matching call after the mark and returns it. */
        public Received<T> within(Duration timeout) {
            try {
                return Waits.await(expected())
                        .atMost(timeout)
                        .conditionEvaluationListener(countdown(expected(), timeout))
                        .until(this::find, Optional::isPresent)
                        .orElseThrow();
            } catch (ConditionTimeoutException e) {
                throw new AssertionError("expected " + expected() + " within " + Describe.seconds(timeout)
                        + "; received: " + receivedSoFar(), null);
            }
        }

        /** Passes when no matching call comes during the whole period. */
        public void none(Duration during) {
            try {
                Waits.await("no " + expected())
                        .during(during)
                        .atMost(during.plusSeconds(1))
                        .until(() -> find().isEmpty());
            } catch (ConditionTimeoutException e) {
                Optional<Received<T>> found = find();
                if (found.isEmpty()) {
                    return; // the wait ran out without the call coming: what was asked for
                }
                Received<T> came = found.get();
                throw new AssertionError("expected no " + expected() + " for " + Describe.seconds(during)
                        + "; received: " + Describe.brief(came.message()) + " at " + Describe.time(came.entry().time()), null);
            }
        }

        public Optional<Received<T>> find() {
            return received(type, since).stream().filter(received -> condition.test(received.message())).findFirst();
        }

        private String expected() {
            return action + (description.isEmpty() ? "" : " " + description);
        }

        private String receivedSoFar() {
            List<JournalEntry> relevant = entries(since).stream()
                    .filter(entry -> entry.action() == action && entry.direction() == JournalEntry.Direction.IN
                            && ("CALL".equals(entry.messageType()) || "MALFORMED".equals(entry.messageType())))
                    .toList();
            if (relevant.isEmpty()) {
                return "no " + action + " at all" + undefinedCalls(since);
            }
            List<JournalEntry> shown = relevant.subList(Math.max(0, relevant.size() - SHOWN), relevant.size());
            String list = shown.stream().map(Evidence::line).collect(Collectors.joining(", "));
            return (relevant.size() > SHOWN ? "(last " + SHOWN + " of " + relevant.size() + ") " : "") + list;
        }
    }

    /** "; the station sent a CALL named X, which OCPP 1.6 does not define": what came instead, when that is what came. */
    private String undefinedCalls(long since) {
        List<String> names = entries(since).stream()
                .filter(e -> e.direction() == JournalEntry.Direction.IN && "CALL".equals(e.messageType()) && e.action() == null)
                .map(JournalEntry::frame)
                .filter(f -> f instanceof Frame.Call)
                .map(f -> Untrusted.shown(((Frame.Call) f).action()))
                .distinct()
                .toList();
        return names.isEmpty() ? "" : "; the station sent a CALL named " + String.join(", ", names)
                + ", which OCPP 1.6 does not define";
    }

    static String line(JournalEntry entry) {
        String what = entry.message() != null ? Describe.brief(entry.message())
                : entry.action() + " that broke OCPP 1.6 (" + entry.problem() + ")";
        return what + " at " + Describe.time(entry.time());
    }
}
