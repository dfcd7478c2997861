package org.ccin.store.measures;

import java.util.Locale;
import java.util.Optional;

/** How a measure's figures read: a count (47) or a percentage (58%). */
public enum MeasureUnit {
    COUNT, PERCENT;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<MeasureUnit> fromCode(String code) {
        for (MeasureUnit unit : values()) {
            if (unit.code().equalsIgnoreCase(code.trim())) {
                return Optional.of(unit);
            }
        }
        return Optional.empty();
    }
}
