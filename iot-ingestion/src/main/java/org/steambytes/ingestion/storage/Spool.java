package org.steambytes.ingestion.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The spool: a small CRC-checked, append-only log on local disk that every accepted batch is
 * appended and fsynced to before its 202, and that the shipper reads in order to write InfluxDB.
 *
 * <p>Segment files {@code spool-<seq>.log} hold records {@code [int length][int CRC32C][payload]};
 * {@link #append} writes a group of records and fsyncs once (group commit) before the callers are
 * told their batches are durable. {@code checkpoint} names the first record not yet replayed; it is
 * replaced atomically after each replayed write. Segments are deleted once read past; a segment
 * rolls over at {@code segmentBytes}, which bounds the disk an idle spool keeps. On open, a torn tail (a crash mid-append, never
 * acknowledged) is cut off at the last whole record. A crash between a replayed write and its
 * checkpoint replays that write again, which InfluxDB absorbs (same point, same value).
 */
final class Spool implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Spool.class);
    private static final int HEADER = 8;

    /** Records read for replay, and where reading stopped. */
    record Replay(List<byte[]> payloads, long endSeq, long endOffset) {

        boolean isEmpty() {
            return payloads.isEmpty();
        }
    }

    private final Path directory;
    private final long maxBytes;
    private final long segmentBytes;
    private final TreeMap<Long, Long> segmentSizes = new TreeMap<>();
    private FileChannel writer;
    private long writeSeq;
    private long readSeq;
    private long readOffset;
    private long pendingRecords;

    private Spool(Path directory, long maxBytes, long segmentBytes) {
        this.directory = directory;
        this.maxBytes = maxBytes;
        this.segmentBytes = segmentBytes;
    }

    static Spool open(Path directory, long maxBytes, long segmentBytes) throws IOException {
        Spool spool = new Spool(directory, maxBytes, segmentBytes);
        spool.recover();
        return spool;
    }

    synchronized void append(List<byte[]> payloads) throws IOException, SpoolFullException {
        long needed = 0;
        for (byte[] payload : payloads) {
            needed += HEADER + payload.length;
        }
        if (liveBytes() + needed > maxBytes) {
            throw new SpoolFullException(liveBytes(), maxBytes);
        }
        long size = segmentSizes.get(writeSeq);
        if (size > 0 && size + needed > segmentBytes) {
            startSegment(writeSeq + 1);
            size = 0;
        }
        ByteBuffer buffer = ByteBuffer.allocate((int) needed);
        CRC32C crc = new CRC32C();
        for (byte[] payload : payloads) {
            crc.reset();
            crc.update(payload);
            buffer.putInt(payload.length).putInt((int) crc.getValue()).put(payload);
        }
        buffer.flip();
        while (buffer.hasRemaining()) {
            writer.write(buffer);
        }
        writer.force(false);
        segmentSizes.put(writeSeq, size + needed);
        pendingRecords += payloads.size();
    }

    synchronized boolean isEmpty() {
        return pendingRecords == 0;
    }

    synchronized long pendingRecords() {
        return pendingRecords;
    }

    /** Bytes not yet replayed. */
    synchronized long liveBytes() {
        long total = 0;
        for (var segment : segmentSizes.entrySet()) {
            if (segment.getKey() >= readSeq) {
                total += segment.getValue();
            }
        }
        return total - readOffset;
    }

    /**
     * The next records in order, up to about {@code maxPayloadBytes} of payload; nothing is consumed
     * until {@link #commit}. Files are read outside the lock, so appends never wait for the reader; only
     * one thread reads and commits.
     */
    Replay read(long maxPayloadBytes) throws IOException {
        long seq;
        long offset;
        long pending;
        TreeMap<Long, Long> sizes;
        synchronized (this) {
            seq = readSeq;
            offset = readOffset;
            pending = pendingRecords;
            sizes = new TreeMap<>(segmentSizes.tailMap(readSeq, true));
        }
        List<byte[]> payloads = new ArrayList<>();
        long taken = 0;
        while (taken < maxPayloadBytes && pending > payloads.size()) {
            long size = sizes.getOrDefault(seq, 0L);
            if (offset >= size) {
                Long next = sizes.higherKey(seq);
                if (next == null) {
                    break;
                }
                seq = next;
                offset = 0;
                continue;
            }
            try (FileChannel channel = FileChannel.open(segment(seq), StandardOpenOption.READ)) {
                while (offset < size && taken < maxPayloadBytes) {
                    byte[] payload = readRecord(channel, offset, size);
                    payloads.add(payload);
                    offset += HEADER + payload.length;
                    taken += payload.length;
                }
            }
        }
        return new Replay(payloads, seq, offset);
    }

    /** Marks everything up to the end of {@code replay} as stored elsewhere; frees whole segments. */
    void commit(Replay replay) throws IOException {
        List<Long> consumed;
        synchronized (this) {
            readSeq = replay.endSeq();
            readOffset = replay.endOffset();
            pendingRecords -= replay.payloads().size();
            consumed = new ArrayList<>(segmentSizes.headMap(readSeq).keySet());
            consumed.forEach(segmentSizes::remove);
        }
        writeCheckpoint(replay.endSeq(), replay.endOffset());
        for (Long seq : consumed) {
            Files.deleteIfExists(segment(seq));
        }
    }

    @Override
    public synchronized void close() throws IOException {
        writer.close();
    }

    private void recover() throws IOException {
        Files.createDirectories(directory);
        try (Stream<Path> files = Files.list(directory)) {
            files.map(path -> path.getFileName().toString())
                    .filter(name -> name.startsWith("spool-") && name.endsWith(".log"))
                    .forEach(name -> segmentSizes.put(Long.parseLong(name.substring(6, name.length() - 4)), 0L));
        }
        readCheckpoint();
        for (Long seq : new ArrayList<>(segmentSizes.headMap(readSeq).keySet())) {
            Files.deleteIfExists(segment(seq));
            segmentSizes.remove(seq);
        }
        if (segmentSizes.isEmpty()) {
            readSeq = Math.max(readSeq, 1);
            readOffset = 0;
            startSegment(readSeq);
            return;
        }
        if (!segmentSizes.containsKey(readSeq)) {
            readSeq = segmentSizes.firstKey();
            readOffset = 0;
        }
        for (Long seq : segmentSizes.keySet()) {
            long validEnd = scan(seq, seq == readSeq ? readOffset : 0);
            long fileSize = Files.size(segment(seq));
            if (validEnd < fileSize) {
                log.warn("Spool segment {}: cutting {} bytes after the last whole record (an append interrupted "
                        + "before it was acknowledged)", seq, fileSize - validEnd);
                try (FileChannel channel = FileChannel.open(segment(seq), StandardOpenOption.WRITE)) {
                    channel.truncate(validEnd);
                    channel.force(true);
                }
            }
            segmentSizes.put(seq, validEnd);
        }
        readOffset = Math.min(readOffset, segmentSizes.get(readSeq));
        writeSeq = segmentSizes.lastKey();
        writer = FileChannel.open(segment(writeSeq), StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        if (pendingRecords > 0) {
            log.info("Spool holds {} batches ({} bytes) to replay", pendingRecords, liveBytes());
        }
    }

    /** Counts whole records from {@code from} and returns where the valid data ends. */
    private long scan(long seq, long from) throws IOException {
        try (FileChannel channel = FileChannel.open(segment(seq), StandardOpenOption.READ)) {
            long size = channel.size();
            long offset = from;
            while (offset < size) {
                try {
                    byte[] payload = readRecord(channel, offset, size);
                    offset += HEADER + payload.length;
                    pendingRecords++;
                } catch (CorruptRecordException e) {
                    return offset;
                }
            }
            return offset;
        }
    }

    private static byte[] readRecord(FileChannel channel, long offset, long size) throws IOException {
        if (size - offset < HEADER) {
            throw new CorruptRecordException();
        }
        ByteBuffer header = ByteBuffer.allocate(HEADER);
        readFully(channel, header, offset);
        header.flip();
        int length = header.getInt();
        int expectedCrc = header.getInt();
        if (length < 0 || offset + HEADER + length > size) {
            throw new CorruptRecordException();
        }
        ByteBuffer payload = ByteBuffer.allocate(length);
        readFully(channel, payload, offset + HEADER);
        CRC32C crc = new CRC32C();
        crc.update(payload.array());
        if ((int) crc.getValue() != expectedCrc) {
            throw new CorruptRecordException();
        }
        return payload.array();
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, position + buffer.position());
            if (read < 0) {
                throw new CorruptRecordException();
            }
        }
    }

    private void startSegment(long seq) throws IOException {
        if (writer != null) {
            writer.close();
        }
        writer = FileChannel.open(segment(seq), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        writeSeq = seq;
        segmentSizes.putIfAbsent(seq, 0L);
        forceDirectory();
    }

    private void readCheckpoint() throws IOException {
        Path checkpoint = directory.resolve("checkpoint");
        if (Files.exists(checkpoint)) {
            String[] parts = Files.readString(checkpoint).trim().split(" ");
            readSeq = Long.parseLong(parts[0]);
            readOffset = Long.parseLong(parts[1]);
        } else {
            readSeq = segmentSizes.isEmpty() ? 1 : segmentSizes.firstKey();
            readOffset = 0;
        }
    }

    private void writeCheckpoint(long seq, long offset) throws IOException {
        Path next = directory.resolve("checkpoint.next");
        try (FileChannel channel = FileChannel.open(next, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            channel.write(ByteBuffer.wrap((seq + " " + offset + "\n").getBytes()));
            channel.force(true);
        }
        Files.move(next, directory.resolve("checkpoint"), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
        forceDirectory();
    }

    private void forceDirectory() throws IOException {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        }
    }

    private Path segment(long seq) {
        return directory.resolve("spool-%020d.log".formatted(seq));
    }

    private static final class CorruptRecordException extends IOException {
        CorruptRecordException() {
            super("torn or corrupt spool record");
        }
    }
}
