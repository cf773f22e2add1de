package io.chargecheck.centralsystem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.chargecheck.centralsystem.JournalEntry.Direction;
import io.chargecheck.ocpp.Action;
import io.chargecheck.ocpp.message.Core.DataTransferRequest;
import io.chargecheck.ocpp.message.Core.StatusNotificationRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal's contract: per station, marks that are global, big frames cut in memory and whole in the trace, a budget. */
class JournalTest {

    private static final String BOOT = "[2,\"boot\",\"BootNotification\",{\"chargePointVendor\":\"ACME\",\"chargePointModel\":\"X1\"}]";

    @TempDir
    Path temp;

    private CentralSystem cs;
    private TestStation a;
    private TestStation b;

    @AfterEach
    void stop() {
        for (TestStation station : new TestStation[] {a, b}) {
            if (station != null) {
                station.close();
            }
        }
        if (cs != null) {
            cs.close();
        }
    }

    private void start(CentralSystemConfig.Builder config) throws Exception {
        cs = CentralSystem.start(config.build());
        a = connect("A");
        b = connect("B");
    }

    private TestStation connect(String id) throws Exception {
        TestStation station = TestStation.connect(cs.url() + "/" + id);
        station.awaitOpen();
        cs.awaitSession(id, Duration.ofSeconds(5));
        return station;
    }

    @Test
    void eachStationSeesOnlyItsOwnEntriesWithTheJournalsMarks() throws Exception {
        start(CentralSystemConfig.builder());
        long mark = cs.journal().mark();
        a.send("[2,\"a1\",\"Heartbeat\",{}]");
        b.send("[2,\"b1\",\"Heartbeat\",{}]");
        a.next();
        b.next();

        StationJournal journalOfA = cs.journal().of("A");
        await().atMost(Duration.ofSeconds(5)).until(() -> journalOfA.since(mark).size() == 2);
        assertThat(journalOfA.since(mark)).extracting(JournalEntry::chargePointId).containsOnly("A");
        assertThat(journalOfA.since(mark)).extracting(JournalEntry::messageId).containsExactly("a1", "a1");
        assertThat(cs.journal().since(mark)).hasSize(4);
        assertThat(cs.journal().mark()).isEqualTo(cs.journal().since(0).get(cs.journal().size() - 1).seq());
        assertThat(cs.journal().of("NEVER-CONNECTED").entries()).isEmpty();
    }

    @Test
    void keepsAFrameOver64KiBCutInMemoryAndReadsItWholeFromTheTrace() throws Exception {
        start(CentralSystemConfig.builder().traceFile(temp.resolve("trace.jsonl")));
        String data = "d".repeat(100_000);
        String frame = "[2,\"big\",\"DataTransfer\",{\"vendorId\":\"ACME\",\"data\":\"" + data + "\"}]";
        a.send(frame);
        assertThat(a.next()).startsWith("[3,\"big\"");

        JournalEntry entry = cs.journal().of("A").entries().stream()
                .filter(e -> e.direction() == Direction.IN && "big".equals(e.messageId())).findFirst().orElseThrow();
        assertThat(entry.isTruncated()).isTrue();
        assertThat(entry.raw()).hasSizeLessThan(Journal.KEPT_CHARS + 100).startsWith(frame.substring(0, 1000))
                .endsWith("(" + frame.length() + " characters; the whole frame is in the trace)");
        assertThat(entry.rawLength()).isEqualTo(frame.length());
        assertThat(entry.fullRaw()).isEqualTo(frame);
        assertThat(entry.message(DataTransferRequest.class)).get().extracting(DataTransferRequest::data).isEqualTo(data);
        assertThat(entry.action()).isEqualTo(Action.DataTransfer);
    }

    @Test
    void withoutATraceABigFrameStaysWhole() throws Exception {
        start(CentralSystemConfig.builder());
        String frame = "[2,\"big\",\"DataTransfer\",{\"vendorId\":\"ACME\",\"data\":\"" + "d".repeat(100_000) + "\"}]";
        a.send(frame);
        a.next();

        assertThat(cs.journal().of("A").entries()).filteredOn(e -> "big".equals(e.messageId()) && e.direction() == Direction.IN)
                .singleElement().satisfies(e -> assertThat(e.isTruncated()).isFalse())
                .extracting(JournalEntry::raw).isEqualTo(frame);
    }

    @Test
    void evictsTheOldestOverItsBudgetAndKeepsEachStationsFacts() throws Exception {
        Path trace = temp.resolve("trace.jsonl");
        start(CentralSystemConfig.builder().traceFile(trace).journalMemoryBytes(200_000));
        a.send(BOOT);
        a.send("[2,\"s0\",\"StatusNotification\",{\"connectorId\":0,\"errorCode\":\"NoError\",\"status\":\"Available\"}]");
        a.send("[2,\"s1\",\"StatusNotification\",{\"connectorId\":1,\"errorCode\":\"NoError\",\"status\":\"Preparing\"}]");
        int heartbeats = 3000;
        for (int i = 0; i < heartbeats; i++) {
            a.send("[2,\"h" + i + "\",\"Heartbeat\",{}]");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> a.received.size() == heartbeats + 3);

        Journal journal = cs.journal();
        assertThat(journal.evicted()).as("entries left memory").isPositive();
        assertThat(journal.size()).as("in memory").isLessThan(1000);
        assertThat(journal.mark()).isEqualTo(journal.size() + journal.evicted());
        List<JournalEntry> kept = journal.since(0);
        assertThat(kept.get(kept.size() - 1).seq()).isEqualTo(journal.mark());
        StationJournal station = journal.of("A");
        assertThat(station.entries()).as("the station's part shrinks with it").hasSizeLessThan(1000);
        assertThat(station.firstBoot()).get().satisfies(boot -> {
            assertThat(boot.messageId()).isEqualTo("boot");
            assertThat(boot.seq()).isLessThan(kept.get(0).seq()); // gone from memory, kept as a fact
        });
        assertThat(station.lastBoot()).get().extracting(JournalEntry::messageId).isEqualTo("boot");
        assertThat(station.lastStatus(1)).get().extracting(e -> e.message(StatusNotificationRequest.class).orElseThrow().status())
                .hasToString("Preparing");
        assertThat(station.lastStatus(0)).get().extracting(JournalEntry::messageId).isEqualTo("s0");
        assertThat(station.lastStatus(2)).isEmpty();

        cs.flushTrace();
        assertThat(Files.readAllLines(trace)).as("every entry in the trace").hasSize((int) journal.mark());
    }
}
