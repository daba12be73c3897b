package org.steambytes.simulator.signal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Starts faults now and then, from the model's seeded random numbers: each kind as a Poisson process
 * with the mean gap below, at most one of each kind at a time. With faults off nothing ever starts
 * but what {@link #add} puts in by hand.
 */
public final class FaultSchedule {

    /** Mean time between two faults of a kind. */
    static final Duration FOULING_EVERY = Duration.ofHours(12);
    static final Duration O2_EXCURSION_EVERY = Duration.ofMinutes(90);
    static final Duration FROZEN_EVERY = Duration.ofHours(2);

    /** The transmitters that get stuck: slow water-side signals, where a frozen value looks plausible. */
    static final List<String> FREEZING_TYPES = List.of("feedwater_temperature", "drum_water_level", "conductivity");

    private final boolean enabled;
    private final Random random;
    private final List<Fault> faults = new ArrayList<>();
    private Instant last;

    public FaultSchedule(boolean enabled, Random random) {
        this.enabled = enabled;
        this.random = random;
    }

    public void add(Fault fault) {
        faults.add(fault);
    }

    /** Moves the schedule on to {@code now}: drops faults that ended, maybe starts new ones. */
    public void advance(Instant now) {
        faults.removeIf(fault -> !fault.end().isAfter(now) && !fault.start().isAfter(now));
        if (enabled && last != null && now.isAfter(last)) {
            double hours = Duration.between(last, now).toMillis() / 3_600_000.0;
            if (none(Fault.Fouling.class) && happens(hours, FOULING_EVERY)) {
                Duration ramp = Duration.ofMinutes(180 + random.nextInt(180));
                faults.add(new Fault.Fouling(now, ramp, now.plus(ramp).plus(Duration.ofMinutes(60 + random.nextInt(120))),
                        25 + random.nextDouble() * 20));
            }
            if (none(Fault.O2Excursion.class) && happens(hours, O2_EXCURSION_EVERY)) {
                faults.add(o2Excursion(now));
            }
            if (none(Fault.FrozenSensor.class) && happens(hours, FROZEN_EVERY)) {
                faults.add(new Fault.FrozenSensor(now, now.plus(Duration.ofMinutes(10 + random.nextInt(15))),
                        FREEZING_TYPES.get(random.nextInt(FREEZING_TYPES.size()))));
            }
        }
        last = now;
    }

    /** An O2 excursion starting at {@code start}: mostly too little air (O2 under 1 %), sometimes too much. */
    public Fault.O2Excursion o2Excursion(Instant start) {
        double target = random.nextDouble() < 0.7 ? 0.5 + random.nextDouble() * 0.3 : 6.0 + random.nextDouble() * 1.5;
        return new Fault.O2Excursion(start, start.plus(Duration.ofMinutes(4 + random.nextInt(7))), target);
    }

    public List<Fault> activeAt(Instant at) {
        return faults.stream().filter(fault -> fault.activeAt(at)).toList();
    }

    public List<Fault> all() {
        return List.copyOf(faults);
    }

    private boolean none(Class<? extends Fault> kind) {
        return faults.stream().noneMatch(kind::isInstance);
    }

    private boolean happens(double hours, Duration meanGap) {
        double rate = 3_600_000.0 / meanGap.toMillis();
        return random.nextDouble() < 1 - Math.exp(-rate * hours);
    }
}
