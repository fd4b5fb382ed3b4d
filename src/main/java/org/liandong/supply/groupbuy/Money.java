package org.liandong.supply.groupbuy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.jspecify.annotations.Nullable;
import org.liandong.platform.InvalidValueException;

/** Prices in fen (1/100 元), as integers: what people type ("58", "58.5") and what they read ("58.00"). */
public final class Money {

    /** No pack costs more than 10,000 元: anything above is a typing error. */
    public static final int MAX_PRICE_CENTS = 1_000_000;

    private Money() {
    }

    public static String yuan(long cents) {
        return BigDecimal.valueOf(cents, 2).toPlainString();
    }

    /** Parses a price in 元 with at most two decimals, 0 to 10,000. */
    public static int cents(@Nullable String text, String key) {
        var s = text == null ? "" : text.strip().replace("元", "").replace("¥", "").replace("￥", "").strip();
        try {
            var value = new BigDecimal(s);
            if (value.scale() > 2 || value.signum() < 0) {
                throw new InvalidValueException(key, yuan(MAX_PRICE_CENTS));
            }
            var cents = value.movePointRight(2).setScale(0, RoundingMode.UNNECESSARY);
            if (cents.compareTo(BigDecimal.valueOf(MAX_PRICE_CENTS)) > 0) {
                throw new InvalidValueException(key, yuan(MAX_PRICE_CENTS));
            }
            return cents.intValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new InvalidValueException(key, yuan(MAX_PRICE_CENTS));
        }
    }
}
