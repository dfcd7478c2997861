package org.ccin.store.importing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.ccin.store.Database;
import org.jdbi.v3.core.Jdbi;

/**
 * Imports reference data from YAML, JSON and CSV files (format in data/README.md). Every file of one run is
 * imported in one transaction: either everything is valid and written, or nothing changes and every problem is
 * reported with its file and line. Re-importing the same data changes nothing; changed rows are updated in place.
 */
public final class ReferenceDataImporter {
    private final Jdbi jdbi;
    private final List<ImportSection> sections;
    private final ObjectMapper json = new ObjectMapper();
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

    /** @param sections in dependency order: a section may refer to sections before it */
    public ReferenceDataImporter(Database database, List<ImportSection> sections) {
        this.jdbi = database.jdbi();
        this.sections = List.copyOf(sections);
    }

    public ImportReport importFiles(List<Path> files) {
        List<String> problems = new ArrayList<>();
        List<ImportSource> sources = new ArrayList<>();
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                problems.add(file + ": no such file");
                continue;
            }
            try {
                sources.add(ImportSource.of(file));
            } catch (IOException e) {
                problems.add(file + ": cannot be read: " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new ImportException(problems);
        }
        return importSources(sources);
    }

    public ImportReport importSources(List<ImportSource> sources) {
        List<String> problems = new ArrayList<>();
        Map<String, List<ImportRow>> rowsBySection = new LinkedHashMap<>();
        for (ImportSource source : sources) {
            read(source, rowsBySection, problems);
        }
        if (!problems.isEmpty()) {
            throw new ImportException(problems);
        }
        return jdbi.inTransaction(handle -> {
            List<SectionCounts> counts = new ArrayList<>();
            for (ImportSection section : sections) {
                List<ImportRow> rows = rowsBySection.get(section.name());
                if (rows != null) {
                    counts.add(section.apply(handle, rows));
                }
            }
            if (!problems.isEmpty()) {
                handle.rollback();
                throw new ImportException(problems);
            }
            return new ImportReport(counts);
        });
    }

    private void read(ImportSource source, Map<String, List<ImportRow>> rowsBySection, List<String> problems) {
        String name = source.name().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            readCsv(source, rowsBySection, problems);
        } else if (name.endsWith(".yml") || name.endsWith(".yaml") || name.endsWith(".json")) {
            readDocument(source, name.endsWith(".json") ? json : yaml, rowsBySection, problems);
        } else {
            problems.add(source.name() + ": unknown file type; use .yml, .yaml, .json or .csv");
        }
    }

    private void readDocument(ImportSource source, ObjectMapper mapper, Map<String, List<ImportRow>> rowsBySection,
                              List<String> problems) {
        String file = source.name();
        JsonNode root;
        try {
            root = mapper.readTree(source.content());
        } catch (JsonProcessingException e) {
            problems.add(file + " line " + e.getLocation().getLineNr() + ": " + e.getOriginalMessage());
            return;
        }
        if (root == null || !root.isObject()) {
            problems.add(file + ": must hold named sections such as 'organisations:'");
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> entries = root.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            ImportSection section = sectionNamed(entry.getKey());
            if (section == null) {
                problems.add(file + ": unknown section '" + entry.getKey() + "'; known sections: " + sectionNames());
                continue;
            }
            if (!entry.getValue().isArray()) {
                problems.add(file + ": section '" + entry.getKey() + "' must be a list");
                continue;
            }
            List<ImportRow> rows = rowsBySection.computeIfAbsent(section.name(), k -> new ArrayList<>());
            JsonNode items = entry.getValue();
            for (int i = 0; i < items.size(); i++) {
                String where = file + " " + section.name() + " entry " + (i + 1);
                if (items.get(i).isObject()) {
                    rows.add(new ImportRow(where, (ObjectNode) items.get(i), problems));
                } else {
                    problems.add(where + ": must have named fields");
                }
            }
        }
    }

    private void readCsv(ImportSource source, Map<String, List<ImportRow>> rowsBySection, List<String> problems) {
        String file = source.name();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).get();
        try (Reader reader = new StringReader(source.content());
             CSVParser parser = CSVParser.parse(reader, format)) {
            List<String> header = parser.getHeaderNames().stream()
                    .map(h -> h.replace("\uFEFF", "")).collect(Collectors.toList());
            ImportSection section = csvSection(file, header);
            if (section == null) {
                problems.add(file + ": cannot tell what this CSV holds; its first line must name the columns of one "
                        + "of: " + sections.stream().map(s -> s.name() + " (" + String.join(", ",
                                s.requiredCsvColumns()) + ")").collect(Collectors.joining("; ")));
                return;
            }
            List<ImportRow> rows = rowsBySection.computeIfAbsent(section.name(), k -> new ArrayList<>());
            for (CSVRecord record : parser) {
                ObjectNode fields = JsonNodeFactory.instance.objectNode();
                for (int i = 0; i < header.size() && i < record.size(); i++) {
                    fields.put(header.get(i), record.get(i));
                }
                rows.add(new ImportRow(file + " line " + (record.getRecordNumber() + 1), fields,
                        problems));
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            problems.add(file + ": not a readable CSV file: " + e.getMessage());
        }
    }

    /** The section whose name starts the file name, else the only section whose columns the header has. */
    private ImportSection csvSection(String file, List<String> header) {
        String fileName = ImportRow.simplify(file);
        for (ImportSection section : sections) {
            if (fileName.startsWith(ImportRow.simplify(section.name()))) {
                return section;
            }
        }
        Set<String> columns = header.stream().map(ImportRow::simplify).collect(Collectors.toSet());
        List<ImportSection> matches = sections.stream()
                .filter(s -> s.requiredCsvColumns().stream().map(ImportRow::simplify).allMatch(columns::contains))
                .collect(Collectors.toList());
        return matches.size() == 1 ? matches.get(0) : null;
    }

    private ImportSection sectionNamed(String name) {
        return sections.stream().filter(s -> ImportRow.simplify(s.name()).equals(ImportRow.simplify(name)))
                .findFirst().orElse(null);
    }

    private String sectionNames() {
        return sections.stream().map(ImportSection::name).collect(Collectors.joining(", "));
    }
}
