package org.ccin.bot.routing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Routes each button of a {@link ButtonSet} to its own typed handler, with no switch over codes:
 * {@code SET.handlers().on(Open.class, desk::open).on(Refresh.class, desk::refresh).build()}. {@link #build()}
 * refuses a set with a button nobody handles, so a new button cannot be forgotten.
 *
 * @param <B> the sealed interface of the feature's buttons
 */
public final class ButtonHandlers<B> {
    /** What a tap on one kind of button does. */
    @FunctionalInterface
    public interface Tap<T> {
        void handle(Context context, T button) throws Exception;
    }

    /**
     * Checked before the data is even read, for what depends on who taps and where, not on the button ("staff
     * only, in the private chat"): someone who may not use the set learns only that, whatever data they forged.
     * Answers the person itself and returns false to stop the tap there.
     */
    @FunctionalInterface
    public interface Check {
        boolean allows(Context context) throws Exception;
    }

    /** Checked before every handler; answers the person itself and returns false to stop the tap there. */
    @FunctionalInterface
    public interface Guard<B> {
        boolean allows(Context context, B button) throws Exception;
    }

    private final ButtonSet<B> set;
    private final List<Class<?>> buttons;
    private final Map<Class<?>, Tap<Object>> taps = new LinkedHashMap<>();
    private final List<Guard<B>> guards = new ArrayList<>();
    private final List<Check> checksFirst = new ArrayList<>();
    private String unknownKey = "button.unknown";

    ButtonHandlers(ButtonSet<B> set, List<Class<?>> buttons) {
        this.set = set;
        this.buttons = buttons;
    }

    @SuppressWarnings("unchecked")
    public <T extends B> ButtonHandlers<B> on(Class<T> button, Tap<? super T> tap) {
        if (!buttons.contains(button)) {
            throw new IllegalArgumentException(button + " is not a button of " + set.feature());
        }
        if (taps.put(button, (Tap<Object>) tap) != null) {
            throw new IllegalArgumentException(button + " has two handlers");
        }
        return this;
    }

    /** Runs before the data is read, e.g. "staff only": see {@link Check}. */
    public ButtonHandlers<B> before(Check check) {
        checksFirst.add(check);
        return this;
    }

    /** Runs before every handler, once the button is read, e.g. "the search must be yours". */
    public ButtonHandlers<B> guard(Guard<B> guard) {
        guards.add(guard);
        return this;
    }

    /** The text key of the alert for data that is none of the set's buttons (forged, or from an older version). */
    public ButtonHandlers<B> unknown(String textKey) {
        this.unknownKey = textKey;
        return this;
    }

    /** @throws IllegalStateException when a button of the set has no handler */
    public CallbackAction build() {
        List<Class<?>> missing = buttons.stream().filter(b -> !taps.containsKey(b)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("buttons of " + set.feature() + " with no handler: " + missing);
        }
        Map<Class<?>, Tap<Object>> handlers = Map.copyOf(taps);
        List<Guard<B>> checks = List.copyOf(guards);
        List<Check> first = List.copyOf(checksFirst);
        String unknown = unknownKey;
        return new CallbackAction() {
            @Override
            public String feature() {
                return set.feature();
            }

            @Override
            public void handle(Context context, CallbackData data) throws Exception {
                for (Check check : first) {
                    if (!check.allows(context)) {
                        return;
                    }
                }
                Optional<B> button = set.read(data);
                if (button.isEmpty()) {
                    context.reply().alert(context.texts().plain(unknown));
                    return;
                }
                for (Guard<B> guard : checks) {
                    if (!guard.allows(context, button.get())) {
                        return;
                    }
                }
                handlers.get(button.get().getClass()).handle(context, button.get());
            }
        };
    }
}
