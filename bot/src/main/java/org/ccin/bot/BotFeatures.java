package org.ccin.bot;

import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import org.ccin.bot.classpath.PackagedFiles;
import org.ccin.bot.routing.Features;

/**
 * Finds every {@link Feature} among the bot's packaged classes ({@code org.ccin.bot.<package>.<Name>Feature}) and
 * lets each add itself, in the order of /help. To see what the bot can do, list {@code bot/src/main/java/org/ccin/bot/
 * *&#47;*Feature.java}.
 */
final class BotFeatures {
    private static final Pattern FEATURE_CLASS = Pattern.compile("org/ccin/bot/[a-z]+/[A-Z][A-Za-z]*Feature\\.class");

    private BotFeatures() {
    }

    static Features create(Services services) {
        Features features = new Features();
        for (Feature feature : found()) {
            features.adding(feature.getClass().getSimpleName());
            feature.addTo(features, services);
        }
        return features;
    }

    /** Every feature, in the order of /help. */
    static List<Feature> found() {
        List<Feature> found = new ArrayList<>();
        for (String file : PackagedFiles.matching(BotFeatures.class, FEATURE_CLASS)) {
            String name = file.substring(0, file.length() - ".class".length()).replace('/', '.');
            Class<?> type;
            try {
                type = Class.forName(name, true, BotFeatures.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("cannot load the feature " + name, e);
            }
            if (Feature.class.isAssignableFrom(type)) {
                found.add(make(type.asSubclass(Feature.class)));
            }
        }
        found.sort(Comparator.comparingInt(Feature::helpOrder).thenComparing(f -> f.getClass().getSimpleName()));
        return found;
    }

    private static Feature make(Class<? extends Feature> type) {
        try {
            return type.getConstructor().newInstance();
        } catch (NoSuchMethodException | IllegalAccessException | InstantiationException e) {
            throw new IllegalStateException(type.getName() + " needs a public constructor that takes nothing", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("cannot make the feature " + type.getName(), e.getCause());
        }
    }
}
