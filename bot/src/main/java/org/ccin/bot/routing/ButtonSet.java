package org.ccin.bot.routing;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A feature's buttons, declared once as a sealed interface whose records are the buttons: each record is one kind
 * of tap, its components are what the tap carries ({@code long}, {@code int}, {@code boolean}, {@code String} or
 * an enum). The set writes a button as {@link CallbackData} ({@code feature:code:arg…}, within 64 bytes) and reads
 * it back; anything that is not exactly one of its buttons, with arguments of the right types, reads as empty, so
 * a handler only ever sees a well-typed button. Whether the person may tap it now is still the handler's to check.
 *
 * <pre>{@code
 * sealed interface LanguageButton {
 *     ButtonSet<LanguageButton> SET = ButtonSet.of("lang", LanguageButton.class);
 *     @ButtonCode("set") record Choose(String code) implements LanguageButton { }
 * }
 * }</pre>
 *
 * @param <B> the sealed interface of the feature's buttons
 */
public final class ButtonSet<B> {
    private final String feature;
    private final Map<String, Class<? extends B>> byCode = new LinkedHashMap<>();
    private final Map<Class<?>, String> codes = new LinkedHashMap<>();

    private ButtonSet(String feature, Class<B> sealed) {
        this.feature = feature;
        collect(sealed, sealed);
        if (byCode.isEmpty()) {
            throw new IllegalArgumentException(sealed + " permits no button records");
        }
    }

    /**
     * @throws IllegalArgumentException when the interface is not sealed, permits something other than records or
     *                                  sealed interfaces, or two records share a code: a programming error, found
     *                                  when the class loads
     */
    public static <B> ButtonSet<B> of(String feature, Class<B> sealed) {
        return new ButtonSet<>(feature, sealed);
    }

    private void collect(Class<B> root, Class<?> type) {
        if (!type.isSealed()) {
            throw new IllegalArgumentException(type + " must be sealed: a button set lists every button");
        }
        for (Class<?> permitted : type.getPermittedSubclasses()) {
            if (permitted.isInterface()) {
                collect(root, permitted);
                continue;
            }
            if (!permitted.isRecord()) {
                throw new IllegalArgumentException(permitted + " must be a record");
            }
            ButtonCode code = permitted.getAnnotation(ButtonCode.class);
            if (code == null) {
                throw new IllegalArgumentException(permitted + " has no @ButtonCode");
            }
            for (RecordComponent component : permitted.getRecordComponents()) {
                if (!ButtonArguments.supports(component.getType())) {
                    throw new IllegalArgumentException(permitted + "." + component.getName()
                            + ": a button carries only long, int, boolean, String or an enum");
                }
            }
            new CallbackData(feature, code.value(), List.of()); // checks the code's characters
            if (byCode.put(code.value(), permitted.asSubclass(root)) != null) {
                throw new IllegalArgumentException("two buttons of " + root + " share the code " + code.value());
            }
            codes.put(permitted, code.value());
        }
    }

    /** The first part of every button's data, e.g. "nl". */
    public String feature() {
        return feature;
    }

    /**
     * The data of a button.
     *
     * @throws IllegalArgumentException when it does not fit in 64 bytes or a text argument holds characters that
     *                                  callback data may not: a programming error
     */
    public CallbackData data(B button) {
        String code = codes.get(button.getClass());
        List<String> args = new ArrayList<>();
        for (RecordComponent component : button.getClass().getRecordComponents()) {
            try {
                args.add(ButtonArguments.write(component.getAccessor().invoke(button)));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + component, e);
            }
        }
        CallbackData data = new CallbackData(feature, code, args);
        data.encode(); // fails here, where the button is made, rather than when the keyboard is sent
        return data;
    }

    /** The button the data stands for; empty when it is of another feature, unknown, or its arguments do not fit. */
    public Optional<B> read(CallbackData data) {
        if (!data.feature().equals(feature)) {
            return Optional.empty();
        }
        Class<? extends B> type = byCode.get(data.action());
        if (type == null) {
            return Optional.empty();
        }
        RecordComponent[] components = type.getRecordComponents();
        if (components.length != data.args().size()) {
            return Optional.empty();
        }
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            Optional<Object> value = ButtonArguments.read(types[i], data.args().get(i));
            if (value.isEmpty()) {
                return Optional.empty();
            }
            values[i] = value.get();
        }
        try {
            Constructor<? extends B> constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return Optional.of(constructor.newInstance(values));
        } catch (InvocationTargetException e) {
            // the record's own constructor refused the values (e.g. a negative id): not one of our buttons
            return Optional.empty();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make " + type, e);
        }
    }

    /** The record classes of the set's buttons, in the order they are declared. */
    public List<Class<? extends B>> buttons() {
        return List.copyOf(byCode.values());
    }

    /** A dispatcher for this set's taps, one handler per button record. */
    public ButtonHandlers<B> handlers() {
        return new ButtonHandlers<>(this, List.copyOf(codes.keySet()));
    }
}
