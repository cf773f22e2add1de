/**
 * An OCPP 1.6J charge point simulator that stands in for a real charger: {@link
 * io.chargecheck.simulator.ChargePointSimulator} with its control API for the physical world, its
 * configuration {@link io.chargecheck.simulator.SimulatorConfig}, the {@link
 * io.chargecheck.simulator.Quirk}s that copy real defects for the suite's self-test, and the
 * {@link io.chargecheck.simulator.Variant}s that copy legal behaviours of real chargers that
 * differ from the simulator's defaults.
 *
 * <h2>Inside</h2>
 * One event-loop thread holds all of a station's state ({@code EventLoop}); the behaviour lives in
 * one part per feature profile, each taking the calls of its profile from {@code RemoteCommands}:
 * {@code Connection} and {@code Boot} (WebSocket, power, registration, heartbeat, Reset),
 * {@code Statuses}, {@code Transactions} and {@code RemoteTransactions}, {@code Metering},
 * {@code Authorizing} (cache, local list), {@code Firmware}, {@code Diagnostics},
 * {@code Reservations}, {@code ChargingProfiles} (smart charging: the profiles, the composite schedule,
 * the meters held at the limit in force; its arithmetic, with no state, in {@code ChargingSchedules}),
 * {@code Triggers} and {@code Configuring}.
 *
 * <h2>Running it on its own</h2>
 * One command starts it as a process of its own against any central system, for rehearsing the
 * suite's live mode on one laptop or trying the suite over the network:
 * <pre>
 * mvn -q compile exec:java@simulator -Dexec.args="--url ws://127.0.0.1:8887/ocpp --id CP-1 --connectors 2 --quirks no-heartbeat,soft-reset-needs-second-attempt --password secret"
 * </pre>
 * {@code --url} is the only required option: the central system's URL without the charge point
 * id, which the simulator appends. {@code --count 3} starts CP-1 to CP-3 in one process, repeated
 * {@code --id} starts those. {@code --help} lists all options ({@code --heartbeat-interval},
 * {@code --meter-interval}, {@code --set KEY=VALUE}, {@code --variants}, {@code --fixed-cable},
 * {@code --backup-power}, {@code --profiles}, {@code --truststore} for wss://, ...),
 * {@code --list-quirks} the quirks and {@code --list-variants} the variants. It says in plain words
 * what it does (add {@code -Dorg.slf4j.simpleLogger.log.io.chargecheck=debug} to see every frame),
 * runs until it is killed (Ctrl-C closes it cleanly), and takes the physical world from its
 * console: {@code plug 1}, {@code card 1 TAG-1}, {@code unplug 1}, {@code evunplug 1},
 * {@code halfplug 1}, {@code fault 0 HighTemperature}, {@code fault all GroundFailure},
 * {@code jam 1}, {@code listfail}, {@code offline}, {@code online}, {@code power},
 * {@code poweroff}, {@code poweron}, {@code status}, {@code quit}; with several stations the
 * station is named after the command ({@code plug CP-2 1}).
 */
package io.chargecheck.simulator;
