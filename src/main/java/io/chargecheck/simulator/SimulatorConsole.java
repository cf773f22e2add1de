package io.chargecheck.simulator;

import io.chargecheck.ocpp.message.Core.ChargePointErrorCode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The physical world of the standalone simulator, typed at its console by the person playing the
 * one at the charger: {@code plug 1}, {@code card 1 TAG-1}, ... With several stations in the
 * process the command names the station after the command word ({@code plug CP-2 1}); with one
 * station it may be left out.
 */
final class SimulatorConsole {

    static final String COMMANDS = """
            commands: plug N | unplug N | card N TAG | suspend N | resume N | fault N CODE [VENDOR-CODE] | clear N
                      halfplug N (the lock fails) | evunplug N (cable out of the EV, still in the socket)
                      jam N (the next UnlockConnector fails) | listfail (the next SendLocalList cannot be stored)
                      fault all CODE (the whole station) | offline | online | power | poweroff | poweron | status | quit
                      (N is a connector; 0 is the station for fault/clear)
            with several stations, name the station after the command: plug CP-2 1, status CP-1 (status alone: all)
            """;

    private final Map<String, ChargePointSimulator> stations = new LinkedHashMap<>();

    SimulatorConsole(List<ChargePointSimulator> stations) {
        stations.forEach(s -> this.stations.put(s.chargePointId(), s));
    }

    /** Reads commands until "quit" (true) or the end of the input (false). */
    boolean run(InputStream in, PrintStream out) {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        try {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String command = line.trim();
                if (command.isEmpty()) {
                    continue;
                }
                if (command.equalsIgnoreCase("quit") || command.equalsIgnoreCase("exit")) {
                    return true;
                }
                try {
                    execute(command, out);
                } catch (RuntimeException e) {
                    out.println("? " + e.getMessage());
                }
            }
        } catch (IOException e) {
            out.println("console closed: " + e.getMessage());
        }
        return false;
    }

    /** One command line; a mistake in it is an IllegalArgumentException that says what is wrong. */
    void execute(String line, PrintStream out) {
        String[] words = line.trim().split("\\s+");
        String command = words[0].toLowerCase(Locale.ROOT);
        String[] rest = Arrays.copyOfRange(words, 1, words.length);
        if (rest.length > 0 && stations.containsKey(rest[0])) {
            run(command, stations.get(rest[0]), Arrays.copyOfRange(rest, 1, rest.length), out);
        } else if (stations.size() == 1) {
            run(command, stations.values().iterator().next(), rest, out);
        } else if (command.equals("status")) {
            stations.values().forEach(station -> status(station, out));
        } else if (!isCommand(command)) {
            out.print(COMMANDS);
        } else {
            throw new IllegalArgumentException("which station? name it after the command, e.g. " + command + " "
                    + stations.keySet().iterator().next() + " ...; stations: " + String.join(", ", stations.keySet()));
        }
    }

    private static boolean isCommand(String command) {
        return List.of("plug", "unplug", "card", "suspend", "resume", "fault", "clear", "offline", "online", "power",
                "status", "halfplug", "evunplug", "jam", "listfail", "poweroff", "poweron").contains(command);
    }

    private static void run(String command, ChargePointSimulator simulator, String[] args, PrintStream out) {
        switch (command) {
            case "plug" -> simulator.plugIn(number(args, 0, command));
            case "unplug" -> simulator.unplug(number(args, 0, command));
            case "card" -> simulator.presentCard(number(args, 0, command), word(args, 1, command, "an id tag"));
            case "suspend" -> simulator.evSuspends(number(args, 0, command));
            case "resume" -> simulator.evResumes(number(args, 0, command));
            case "fault" -> fault(simulator, args, command);
            case "halfplug" -> simulator.plugInHalfway(number(args, 0, command));
            case "evunplug" -> simulator.unplugFromEv(number(args, 0, command));
            case "jam" -> simulator.failNextUnlock(number(args, 0, command));
            case "listfail" -> simulator.failLocalListStorage();
            case "poweroff" -> simulator.cutPower();
            case "poweron" -> simulator.restorePower();
            case "clear" -> simulator.clearFault(number(args, 0, command));
            case "offline" -> simulator.loseNetwork();
            case "online" -> simulator.regainNetwork();
            case "power" -> simulator.powerCycle();
            case "status" -> status(simulator, out);
            default -> out.print(COMMANDS);
        }
    }

    private static void fault(ChargePointSimulator simulator, String[] args, String command) {
        ChargePointErrorCode code = errorCode(word(args, 1, command, "an error code, e.g. GroundFailure"));
        String vendorCode = args.length > 2 ? args[2] : null;
        if (word(args, 0, command, "a connector number or all").equalsIgnoreCase("all")) {
            simulator.injectStationFault(code, vendorCode);
        } else {
            simulator.injectFault(number(args, 0, command), code, vendorCode);
        }
    }

    private static void status(ChargePointSimulator simulator, PrintStream out) {
        out.println(simulator.chargePointId() + ": connected: " + simulator.isConnected() + ", registration: "
                + simulator.registrationStatus().map(Enum::name).orElse("none") + ", firmware "
                + simulator.firmwareVersion() + ", queued transaction messages: " + simulator.queuedTransactionMessages());
        for (int c = 0; c <= simulator.connectorCount(); c++) {
            out.println("  connector " + c + ": " + simulator.status(c)
                    + (c == 0 ? "" : simulator.transactionId(c).map(id -> ", transaction " + id).orElse("")));
        }
    }

    private static ChargePointErrorCode errorCode(String name) {
        try {
            return ChargePointErrorCode.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + name + "' is not an OCPP 1.6 error code; known: "
                    + Arrays.toString(ChargePointErrorCode.values()));
        }
    }

    private static int number(String[] args, int index, String command) {
        String word = word(args, index, command, "a connector number");
        try {
            return Integer.parseInt(word);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + word + "' is not a connector number");
        }
    }

    private static String word(String[] args, int index, String command, String what) {
        if (args.length <= index) {
            throw new IllegalArgumentException(command + " needs " + what);
        }
        return args[index];
    }
}
