/**
 * An OCPP 1.6J charge point simulator that stands in for a real charger: {@link
 * io.chargecheck.simulator.ChargePointSimulator} with its control API for the physical world, its
 * configuration {@link io.chargecheck.simulator.SimulatorConfig}, and the {@link
 * io.chargecheck.simulator.Quirk}s that copy real defects for the suite's self-test.
 *
 * <h2>Running it on its own</h2>
 * One command starts it as a process of its own against any central system, for rehearsing the
 * suite's live mode on one laptop or trying the suite over the network:
 * <pre>
 * mvn -q compile exec:java@simulator -Dexec.args="--url ws://127.0.0.1:8887/ocpp --id CP-1 --connectors 2 --quirks no-heartbeat,soft-reset-needs-second-attempt --password secret"
 * </pre>
 * {@code --url} is the only required option: the central system's URL without the charge point
 * id, which the simulator appends. {@code --help} lists all options ({@code --heartbeat-interval},
 * {@code --meter-interval}, {@code --set KEY=VALUE}, {@code --truststore} for wss://, ...) and
 * {@code --list-quirks} the quirks. It says in plain words what it does (add
 * {@code -Dorg.slf4j.simpleLogger.log.io.chargecheck=debug} to see every frame), runs until it is
 * killed (Ctrl-C closes it cleanly), and takes the physical world from its console: {@code plug 1},
 * {@code card 1 TAG-1}, {@code unplug 1}, {@code fault 0 HighTemperature}, {@code offline},
 * {@code online}, {@code power}, {@code status}, {@code quit}.
 */
package io.chargecheck.simulator;
