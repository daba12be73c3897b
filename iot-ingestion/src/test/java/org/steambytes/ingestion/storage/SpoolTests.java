package org.steambytes.ingestion.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.steambytes.common.reading.Reading;

class SpoolTests {

    @TempDir
    Path dir;

    @Test
    void replaysAppendedBatchesInOrderAcrossSegmentsAndReopens() throws Exception {
        try (Spool spool = Spool.open(dir, 1 << 20, 4096)) {
            for (int i = 0; i < 40; i++) {
                spool.append(List.of(ReadingCodec.encode(batch(i, 5))));
            }
            assertThat(spool.pendingRecords()).isEqualTo(40);
            assertThat(segments()).hasSizeGreaterThan(1);
        }
        try (Spool reopened = Spool.open(dir, 1 << 20, 4096)) {
            assertThat(reopened.pendingRecords()).isEqualTo(40);
            List<Reading> replayed = new ArrayList<>();
            Spool.Replay replay = reopened.read(1000);
            while (!replay.isEmpty()) {
                replay.payloads().forEach(p -> replayed.addAll(ReadingCodec.decode(p)));
                reopened.commit(replay);
                replay = reopened.read(1000);
            }
            assertThat(replayed).hasSize(200);
            assertThat(replayed).extracting(Reading::value).isSorted();
            assertThat(reopened.isEmpty()).isTrue();
            assertThat(reopened.liveBytes()).isZero();
        }
        try (Spool again = Spool.open(dir, 1 << 20, 4096)) {
            assertThat(again.isEmpty()).as("committed records are not replayed twice").isTrue();
        }
    }

    @Test
    void resumesAfterTheLastCommittedRecord() throws Exception {
        try (Spool spool = Spool.open(dir, 1 << 20, 1 << 20)) {
            spool.append(List.of(ReadingCodec.encode(batch(0, 1)), ReadingCodec.encode(batch(1, 1)),
                    ReadingCodec.encode(batch(2, 1))));
            Spool.Replay first = spool.read(1); // one record
            assertThat(first.payloads()).hasSize(1);
            spool.commit(first);
        }
        try (Spool reopened = Spool.open(dir, 1 << 20, 1 << 20)) {
            assertThat(reopened.pendingRecords()).isEqualTo(2);
            Spool.Replay rest = reopened.read(1 << 20);
            assertThat(rest.payloads()).extracting(p -> ReadingCodec.decode(p).get(0).value()).containsExactly(1.0, 2.0);
        }
    }

    @Test
    void cutsATornTailLeftByACrashMidAppend() throws Exception {
        try (Spool spool = Spool.open(dir, 1 << 20, 1 << 20)) {
            spool.append(List.of(ReadingCodec.encode(batch(0, 3))));
            spool.append(List.of(ReadingCodec.encode(batch(1, 3))));
        }
        Path segment = segments().get(0);
        long size = Files.size(segment);
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            channel.truncate(size - 5); // the second record lost its last bytes
        }
        try (Spool reopened = Spool.open(dir, 1 << 20, 1 << 20)) {
            assertThat(reopened.pendingRecords()).isEqualTo(1);
            reopened.append(List.of(ReadingCodec.encode(batch(2, 3))));
            Spool.Replay replay = reopened.read(1 << 20);
            assertThat(replay.payloads()).extracting(p -> ReadingCodec.decode(p).get(0).value())
                    .containsExactly(0.0, 2.0);
        }
    }

    @Test
    void detectsACorruptRecordByItsChecksum() throws Exception {
        try (Spool spool = Spool.open(dir, 1 << 20, 1 << 20)) {
            spool.append(List.of(ReadingCodec.encode(batch(0, 3))));
        }
        Path segment = segments().get(0);
        byte[] bytes = Files.readAllBytes(segment);
        bytes[bytes.length - 3] ^= 0x5A;
        Files.write(segment, bytes);
        try (Spool reopened = Spool.open(dir, 1 << 20, 1 << 20)) {
            assertThat(reopened.pendingRecords()).isZero();
        }
    }

    @Test
    void refusesAppendsBeyondItsSize() throws Exception {
        try (Spool spool = Spool.open(dir, 2000, 1 << 20)) {
            byte[] payload = ReadingCodec.encode(batch(0, 20));
            int fits = 0;
            while (true) {
                try {
                    spool.append(List.of(payload));
                    fits++;
                } catch (SpoolFullException e) {
                    break;
                }
            }
            assertThat(fits).isPositive();
            assertThat(spool.liveBytes()).isLessThanOrEqualTo(2000);
            assertThatThrownBy(() -> spool.append(List.of(payload))).isInstanceOf(SpoolFullException.class);
            spool.commit(spool.read(1 << 20));
            spool.append(List.of(payload)); // room again once replayed
        }
    }

    private static List<Reading> batch(int value, int size) {
        List<Reading> readings = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            readings.add(new Reading("plant a,b=c", "b1-o2", "flue_gas_o2", value,
                    Instant.ofEpochMilli(1_764_237_600_000L + value * 100L + i)));
        }
        return readings;
    }

    private List<Path> segments() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".log")).sorted().toList();
        }
    }
}
