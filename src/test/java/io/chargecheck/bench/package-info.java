/**
 * A load benchmark of the embedded central system, run on demand (never by {@code mvn test} or
 * {@code mvn verify}):
 *
 * <pre>
 * mvn -q test-compile exec:java@benchmark
 * mvn -q test-compile exec:java@benchmark -Dexec.args="--clients 200 --seconds 20 --warmup 5 --trace off"
 * mvn -q test-compile exec:java@benchmark -Dexec.args="--rate 5000"
 * </pre>
 *
 * It starts the central system on loopback at an ephemeral port, with its trace file on as in a
 * real run (in a temporary file, deleted afterwards; {@code --keep-trace on} keeps it), connects
 * {@code --clients} charge points over WebSocket with subprotocol ocpp1.6, and has each boot,
 * start a transaction and then send MeterValues (four sampled values: energy, voltage, current,
 * power) and Heartbeat, three to one, in a closed loop: a charge point sends its next call only
 * when the last one is answered, as OCPP-J requires. Nothing is measured during the warm-up;
 * then for {@code --seconds} every round trip is timed. The run stops by itself.
 * {@code --help} lists the options; each is also a system property ({@code -Dbench.clients=50}).
 *
 * <p>The figures:
 * <ul>
 * <li><b>round trips</b> per second: calls answered in the measured period (a round trip is one
 * call sent and its CALLRESULT received, as the client sees it, so it includes both WebSocket
 * stacks and the loopback).</li>
 * <li><b>latency</b> p50 / p90 / p99 / max: of those round trips, exact (every sample is kept
 * and sorted). Without {@code --rate} every client always has a call in flight, so the central
 * system is saturated and the latency is mostly queueing: by Little's law the mean is clients
 * divided by throughput. That run answers "how much can it take"; a paced run
 * ({@code --rate 5000}: 5000 calls per second spread over the clients) answers "how fast does it
 * answer at that load", which is what the latency target is about. A paced run also gives the
 * latency <b>from schedule</b>: from when each call was due rather than when it could be sent,
 * so a late answer also counts against the calls it held back (a closed loop otherwise hides
 * them: "coordinated omission"). The pacing timer is 1 ms coarse, so that figure carries up to
 * a millisecond of the load generator's own lateness.</li>
 * <li><b>errors</b>: CALLERRORs, connections that dropped, frames that answered nothing we sent,
 * and calls still unanswered when the run ended (with whether the central system journaled an
 * answer it then failed to deliver).</li>
 * <li><b>cpu</b>: cores busy during the measured period, split into the central system's threads
 * (Java-WebSocket's selector and workers), the clients' and the rest (garbage collection, JIT).
 * The clients run in the same JVM on the same cores; they are one thread driving all connections
 * through one selector (Java-WebSocket's own protocol engine, without a thread pair per client),
 * so that the figure measures the central system and not thread switching in the load generator.
 * {@code --client-io threads} uses one {@code WebSocketClient} per station instead, to compare.
 * <b>cpu per round trip</b> divides those CPU times by the round trips: it hardly depends on
 * load or on other processes, so it is the figure to compare a change by. The machine line says
 * how busy the whole machine was; other processes on the same cores disturb every other figure.</li>
 * <li><b>garbage</b>: bytes the central system's threads allocated per round trip (and the trace
 * writer's), the young collections and their pause time in the measured period, and the trace
 * writer's CPU, which "rest" includes. Allocation per round trip does not depend on the machine's
 * load at all: it is the figure for how much work a change leaves to the collector.</li>
 * <li><b>heap used</b> at the end of the measured period, and what is retained after a GC: mostly
 * the journal, within its memory budget (every frame is in the trace).</li>
 * <li><b>journal</b> and <b>trace</b>: whether the journal recorded exactly the frames the clients
 * counted (calls sent in, answers received out), and whether the trace file holds one line per
 * journal entry, numbered in order.</li>
 * </ul>
 *
 * <p>The JVM is Maven's (exec:java): set heap or GC options, or a flight recording for profiling,
 * in {@code MAVEN_OPTS}, e.g. {@code MAVEN_OPTS="-XX:StartFlightRecording=filename=bench.jfr"}.
 * The collector matters most for the tail: the journal keeps the frames of its memory budget, their
 * text in large arrays that G1 does not copy, but each entry still survives its first young
 * collections. {@code MAVEN_OPTS=-XX:+UseShenandoahGC} shows the latency without young pauses. The
 * central system alone, in a JVM of its own, is {@code exec:exec@central-system} (see the README).
 */
package io.chargecheck.bench;
