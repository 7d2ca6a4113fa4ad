package org.parley.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the demo world's data files: UTF-8, {@code #} comment lines (where each file names its sources), a
 * header row, then comma-separated rows without quoting (the files hold no commas inside values).
 */
final class DemoCsv {

    private DemoCsv() {
    }

    static List<Map<String, String>> read(String resource) {
        InputStream in = DemoCsv.class.getResourceAsStream("/demo/" + resource);
        if (in == null) {
            throw new IllegalStateException("demo data file missing from the jar: demo/" + resource);
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<Map<String, String>> rows = new ArrayList<>();
            String[] header = null;
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                if (header == null) {
                    header = cells;
                    continue;
                }
                if (cells.length != header.length) {
                    throw new IllegalStateException("demo/" + resource + ": row '" + line + "' has " + cells.length
                            + " cells, the header " + header.length);
                }
                Map<String, String> row = new HashMap<>();
                for (int i = 0; i < header.length; i++) {
                    row.put(header[i], cells[i]);
                }
                rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
