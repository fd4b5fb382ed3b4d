package org.liandong.care.observation;

import org.jspecify.annotations.Nullable;
import org.liandong.platform.InvalidValueException;

/**
 * A body temperature in tenths of a degree Celsius. What a person types is checked against what a living
 * body can measure (34.0–42.5 °C), so 3.7 (a missing digit) or 73 (a slip) is refused with a clear message
 * instead of raising a false alarm or hiding a real one.
 */
public record Temperature(int tenths) {

    public static final int MIN = 340;
    public static final int MAX = 425;
    public static final int FEVER = 373;

    public static Temperature parse(@Nullable String typed) {
        var text = typed == null ? "" : typed.strip().replace('，', '.').replace(',', '.').replace("℃", "")
                .replace("°C", "").replace("°", "").strip();
        if (text.isEmpty()) {
            throw new InvalidValueException("care.checkin.temperature-required");
        }
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new InvalidValueException("care.checkin.temperature-format", text);
        }
        var tenths = (int) Math.round(value * 10);
        if (Double.isNaN(value) || tenths < MIN || tenths > MAX) {
            throw new InvalidValueException("care.checkin.temperature-range", text);
        }
        return new Temperature(tenths);
    }

    public boolean fever() {
        return tenths >= FEVER;
    }

    @Override
    public String toString() {
        return tenths / 10 + "." + tenths % 10;
    }
}
