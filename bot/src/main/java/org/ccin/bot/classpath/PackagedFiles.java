package org.ccin.bot.classpath;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The names of the files packaged with the bot (in its jar, or in the classes folder when run from a build) that
 * match a pattern, such as every feature class or every message bundle. It is how a new feature package or bundle
 * is found without a list to edit elsewhere. Reads the jar's directory only, not its files.
 */
public final class PackagedFiles {
    private PackagedFiles() {
    }

    /**
     * @param anchor  a class of the bot, whose jar or folder is listed
     * @param pattern matched against whole names with '/' between folders, e.g. {@code i18n/[a-z]+\.properties}
     * @return the matching names, sorted
     */
    public static List<String> matching(Class<?> anchor, Pattern pattern) {
        Path location = location(anchor);
        TreeSet<String> names = new TreeSet<>();
        try {
            if (Files.isDirectory(location)) {
                try (Stream<Path> files = Files.walk(location)) {
                    files.filter(Files::isRegularFile)
                            .map(file -> location.relativize(file).toString().replace('\\', '/'))
                            .filter(name -> pattern.matcher(name).matches())
                            .forEach(names::add);
                }
            } else {
                try (JarFile jar = new JarFile(location.toFile())) {
                    jar.stream().map(JarEntry::getName).filter(name -> pattern.matcher(name).matches())
                            .forEach(names::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the files of " + location, e);
        }
        return List.copyOf(names);
    }

    private static Path location(Class<?> anchor) {
        CodeSource source = anchor.getProtectionDomain().getCodeSource();
        if (source == null) {
            throw new IllegalStateException("no code source for " + anchor);
        }
        try {
            return Path.of(source.getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot read the location of " + anchor + ": " + source.getLocation(), e);
        }
    }
}
