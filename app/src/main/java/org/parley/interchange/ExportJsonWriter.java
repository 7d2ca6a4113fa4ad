package org.parley.interchange;

import java.io.OutputStream;
import java.util.List;
import org.parley.api.Caller;
import org.parley.registry.Person;
import org.parley.registry.PersonStream;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON: {@code {"items": [...], "total": N}}, each item the person exactly as {@code GET /api/v1/persons} writes it
 * (other features' fields included), written to the stream as it comes — the shape of the list's answer, without
 * pages.
 */
final class ExportJsonWriter implements ExportWriter {

    private final Caller caller;
    private final PersonStream stream;
    private final JsonGenerator json;
    private long total;

    ExportJsonWriter(Caller caller, PersonStream stream, JsonMapper mapper, OutputStream out) {
        this.caller = caller;
        this.stream = stream;
        this.json = mapper.createGenerator(out);
        json.writeStartObject();
        json.writeName("items");
        json.writeStartArray();
    }

    @Override
    public void write(List<Person> persons) {
        for (ObjectNode node : stream.json(caller, persons)) {
            json.writeTree(node);
        }
        total += persons.size();
    }

    @Override
    public void finish() {
        json.writeEndArray();
        json.writeNumberProperty("total", total);
        json.writeEndObject();
        json.flush();
    }
}
