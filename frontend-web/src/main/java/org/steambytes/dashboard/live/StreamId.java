package org.steambytes.dashboard.live;

import java.util.Optional;

/** A Redis stream entry id ({@code <ms>-<seq>}), ordered as Redis orders them. */
record StreamId(long ms, long seq) implements Comparable<StreamId> {

    static final StreamId ZERO = new StreamId(0, 0);

    static Optional<StreamId> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int dash = text.indexOf('-');
        try {
            if (dash < 0) {
                return Optional.of(new StreamId(Long.parseUnsignedLong(text.trim()), 0));
            }
            long ms = Long.parseUnsignedLong(text.substring(0, dash).trim());
            long seq = Long.parseUnsignedLong(text.substring(dash + 1).trim());
            return ms < 0 || seq < 0 ? Optional.empty() : Optional.of(new StreamId(ms, seq));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The smallest id after this one: XRANGE's inclusive start for "everything after". */
    StreamId next() {
        return seq == Long.MAX_VALUE ? new StreamId(ms + 1, 0) : new StreamId(ms, seq + 1);
    }

    @Override
    public int compareTo(StreamId other) {
        int byMs = Long.compare(ms, other.ms);
        return byMs != 0 ? byMs : Long.compare(seq, other.seq);
    }

    @Override
    public String toString() {
        return ms + "-" + seq;
    }
}
