package org.steambytes.ingestion.reading;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Random (version 4) UUIDs for batch ids without {@code UUID.randomUUID()}'s shared SecureRandom, whose
 * lock was the most contended monitor under load (profiled). A batch id names a log row; it is not a
 * secret, so a non-cryptographic generator is enough.
 */
public final class BatchIds {

    private BatchIds() {
    }

    public static UUID next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long most = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
        long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
        return new UUID(most, least);
    }
}
