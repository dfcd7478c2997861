package org.ccin.bot.routing;

import java.util.Optional;

/** How the components of a button record are written into callback data and read back. */
final class ButtonArguments {
    private ButtonArguments() {
    }

    static boolean supports(Class<?> type) {
        return type == long.class || type == int.class || type == boolean.class || type == String.class
                || type.isEnum();
    }

    static String write(Object value) {
        if (value instanceof Boolean flag) {
            return flag ? "1" : "0";
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        return String.valueOf(value);
    }

    static Optional<Object> read(Class<?> type, String text) {
        try {
            if (type == long.class) {
                return Optional.of(Long.parseLong(text));
            }
            if (type == int.class) {
                return Optional.of(Integer.parseInt(text));
            }
            if (type == boolean.class) {
                return text.equals("1") ? Optional.of(true) : text.equals("0") ? Optional.of(false) : Optional.empty();
            }
            if (type == String.class) {
                return Optional.of(text);
            }
            return Optional.of(enumConstant(type, text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumConstant(Class<?> type, String name) {
        return Enum.valueOf((Class<? extends Enum>) type, name);
    }
}
