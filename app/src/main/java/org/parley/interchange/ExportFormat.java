package org.parley.interchange;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The forms a person list is exported in: {@code format=} of the export. */
public enum ExportFormat {
    CSV("text/csv;charset=UTF-8", "csv"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    JSON("application/json", "json"),
    /** People Finder Interchange Format 1.4, whose specification names this media type. */
    PFIF("application/pfif+xml", "pfif.xml");

    private final String mediaType;
    private final String extension;

    ExportFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** As the parameter writes it: {@code csv}, {@code xlsx}, {@code json}, {@code pfif}. */
    public String parameter() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ExportFormat> of(String parameter) {
        return Arrays.stream(values()).filter(f -> f.parameter().equals(parameter)).findFirst();
    }
}
