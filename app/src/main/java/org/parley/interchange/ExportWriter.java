package org.parley.interchange;

import java.io.IOException;
import java.util.List;
import org.parley.registry.Person;

/** Writes one export file as the persons arrive, a batch at a time, holding no more than a batch. */
interface ExportWriter {

    void write(List<Person> persons) throws IOException;

    /** Writes what closes the file and flushes it; the stream itself stays open. */
    void finish() throws IOException;
}
