package org.steambytes.ingestion.storage;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.steambytes.common.reading.Reading;

/** The spool's record payload: one batch of one site as compact binary (no parsing back of line protocol). */
final class ReadingCodec {

    private static final byte VERSION = 1;

    private ReadingCodec() {
    }

    static byte[] encode(List<Reading> readings) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(32 + readings.size() * 48);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeInt(readings.size());
            for (Reading reading : readings) {
                out.writeUTF(reading.siteId());
                out.writeUTF(reading.sensorId());
                out.writeUTF(reading.sensorType());
                out.writeDouble(reading.value());
                out.writeLong(reading.timestamp().toEpochMilli());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static List<Reading> decode(byte[] payload) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
            byte version = in.readByte();
            if (version != VERSION) {
                throw new IllegalStateException("unknown spool record version " + version);
            }
            int count = in.readInt();
            List<Reading> readings = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                readings.add(new Reading(in.readUTF(), in.readUTF(), in.readUTF(), in.readDouble(),
                        Instant.ofEpochMilli(in.readLong())));
            }
            return readings;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
