package io.chargecheck.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chargecheck.ocpp.OcppJson;
import io.chargecheck.ocpp.message.Core.AvailabilityType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the station keeps on "flash", so that a reboot or a restart of the process loses none of it:
 * the queue of transaction messages not yet delivered, and the availability, configuration and
 * firmware version. Each file is written whole and moved into place, so a crash leaves the old one.
 */
final class StateStore {

    /** A transaction message waiting for delivery; {@code localTransactionId} ties it to its transaction. */
    record QueuedMessage(String action, Integer localTransactionId, JsonNode payload) {
    }

    /**
     * The undelivered transaction messages in order, the next local (negative) transaction id, and
     * the ids the central system assigned to local ones that queued messages still carry.
     */
    record OfflineQueue(int nextLocalTransactionId, Map<Integer, Integer> transactionIds, List<QueuedMessage> messages) {
        static final OfflineQueue EMPTY = new OfflineQueue(-1, Map.of(), List.of());

        OfflineQueue {
            transactionIds = transactionIds == null ? Map.of() : Map.copyOf(transactionIds);
            messages = messages == null ? List.of() : List.copyOf(messages);
        }
    }

    record Station(Map<Integer, AvailabilityType> availability, Map<String, String> configuration, String firmwareVersion) {
        Station {
            availability = availability == null ? Map.of() : Map.copyOf(availability);
            configuration = configuration == null ? Map.of() : Map.copyOf(configuration);
        }
    }

    private static final ObjectMapper JSON = OcppJson.mapper();

    private final Path queueFile;
    private final Path stationFile;

    StateStore(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the simulator's state directory " + directory, e);
        }
        this.queueFile = directory.resolve("offline-queue.json");
        this.stationFile = directory.resolve("station.json");
    }

    Path queueFile() {
        return queueFile;
    }

    OfflineQueue loadQueue() {
        return read(queueFile, OfflineQueue.class).orElse(OfflineQueue.EMPTY);
    }

    void saveQueue(OfflineQueue queue) {
        write(queueFile, queue);
    }

    Optional<Station> loadStation() {
        return read(stationFile, Station.class);
    }

    void saveStation(Station station) {
        write(stationFile, station);
    }

    private static <T> Optional<T> read(Path file, Class<T> type) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), type));
        } catch (IOException e) {
            throw new UncheckedIOException("the simulator's state file " + file + " cannot be read; remove it to start afresh", e);
        }
    }

    private static void write(Path file, Object content) {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            JSON.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), content);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the simulator's state file " + file, e);
        }
    }
}
