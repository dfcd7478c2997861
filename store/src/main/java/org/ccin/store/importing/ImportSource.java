package org.ccin.store.importing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One file to import: its name (whose ending says its format: .yml, .yaml, .json or .csv) and its text.
 *
 * @param name shown in every problem, e.g. "organisations.csv"
 */
public record ImportSource(String name, String content) {

    public static ImportSource of(Path file) throws IOException {
        return new ImportSource(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
    }

    /** A file bundled in the jar, e.g. the sample data. */
    public static ImportSource ofResource(String resource) throws IOException {
        try (InputStream in = ImportSource.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("no bundled file " + resource);
            }
            String name = resource.substring(resource.lastIndexOf('/') + 1);
            return new ImportSource(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
