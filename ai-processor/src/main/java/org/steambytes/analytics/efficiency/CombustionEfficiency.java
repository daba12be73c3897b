package org.steambytes.analytics.efficiency;

import java.util.Map;
import java.util.Optional;

/**
 * Combustion efficiency from the flue-gas loss by Siegert's formula, docs/DOMAIN.md "Combustion
 * efficiency": q_A = (t_flue − t_air) · (A2 / (21 − O2) + B) percent, η = 100 − q_A (net basis; it
 * leaves out latent heat, CO and radiation losses, hence "combustion" efficiency).
 */
public final class CombustionEfficiency {

    /** Siegert coefficients of a fuel. */
    public record Coefficients(double a2, double b) {
    }

    /** The table values per {@code sites.fuel_type}; other fuels need the site's own coefficients. */
    private static final Map<String, Coefficients> BY_FUEL = Map.of(
            "natural_gas", new Coefficients(0.66, 0.009),
            "light_fuel_oil", new Coefficients(0.68, 0.007),
            "lpg", new Coefficients(0.63, 0.008));

    /** The flue-gas loss q_A and the efficiency, both in percent. */
    public record Result(double lossPercent, double percent) {
    }

    private CombustionEfficiency() {
    }

    /** The fuel's table coefficients, if the table has them. */
    public static Optional<Coefficients> tableValues(String fuelType) {
        return Optional.ofNullable(BY_FUEL.get(fuelType));
    }

    /** @throws IllegalArgumentException for O2 outside [0, 21) */
    public static Result of(double flueGasTemperatureC, double airTemperatureC, double flueGasO2Pct,
            Coefficients coefficients) {
        if (!(flueGasO2Pct >= 0 && flueGasO2Pct < 21)) {
            throw new IllegalArgumentException("flue gas O2 must be in [0, 21) %, was " + flueGasO2Pct);
        }
        double loss = (flueGasTemperatureC - airTemperatureC) * (coefficients.a2() / (21 - flueGasO2Pct) + coefficients.b());
        return new Result(loss, 100 - loss);
    }

    /** Air ratio λ = 21 / (21 − O2). */
    public static double airRatio(double flueGasO2Pct) {
        return 21 / (21 - flueGasO2Pct);
    }
}
