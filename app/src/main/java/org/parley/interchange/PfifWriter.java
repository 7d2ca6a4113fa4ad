package org.parley.interchange;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.parley.registry.Person;
import org.parley.registry.PersonField;
import org.parley.registry.Sex;
import org.parley.registry.Status;
import org.parley.web.PersonNames;

/**
 * PFIF 1.4 (People Finder Interchange Format, zesty.ca/pfif/1.4), the format tracing services exchange records of
 * missing and found persons in: one {@code person} per person, identified as {@code DOMAIN/person.ID} (DOMAIN the
 * configured {@code parley.export.pfif-domain}, ID the public id), with a {@code note} that carries the status where
 * PFIF has one. Only what a tracing partner needs to find a family's relative is written: names (as written, the
 * Latin spelling among the alternate names), sex, date of birth, who holds the person and their status. Service,
 * capture, internment, health and family facts are deliberately left out (docs/interchange/export.md says why).
 * Written with StAX, a person at a time.
 */
final class PfifWriter implements ExportWriter {

    static final String NAMESPACE = "http://zesty.ca/pfif/1.4";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private final XMLStreamWriter xml;
    private final OutputStream out;
    private final String domain;
    private final String entryDate;
    private final Map<String, String> partyNames;
    private final PersonNames names;

    /**
     * @param partyNames the organisations' names by code, for the source and author of each record
     */
    PfifWriter(OutputStream out, String domain, Map<String, String> partyNames, PersonNames names, Instant now)
            throws IOException {
        this.out = out;
        this.domain = domain;
        this.partyNames = partyNames;
        this.names = names;
        this.entryDate = TIME.format(now.truncatedTo(ChronoUnit.SECONDS));
        try {
            xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.setPrefix("pfif", NAMESPACE);
            xml.writeStartElement("pfif", "pfif", NAMESPACE);
            xml.writeNamespace("pfif", NAMESPACE);
            xml.writeCharacters("\n");
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    /** The PFIF status of a person's status: alive while held and after release, dead, or missing after an escape. */
    static String status(Status status) {
        return switch (status) {
            case DIED -> "believed_dead";
            case ESCAPED -> "believed_missing";
            default -> "believed_alive";
        };
    }

    @Override
    public void write(List<Person> persons) throws IOException {
        try {
            for (Person person : persons) {
                person(person);
            }
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    private void person(Person person) throws XMLStreamException {
        String holder = partyNames.getOrDefault(person.text(PersonField.HOLDING_PARTY),
                person.text(PersonField.HOLDING_PARTY));
        String sourceDate = TIME.format(person.updatedAt().truncatedTo(ChronoUnit.SECONDS));
        String recordId = domain + "/person." + person.publicId();
        xml.writeStartElement("pfif", "person", NAMESPACE);
        field("person_record_id", recordId);
        field("entry_date", entryDate);
        field("author_name", holder);
        field("source_name", "Parley: " + holder);
        field("source_date", sourceDate);
        field("full_name", person.fullName());
        field("given_name", person.text(PersonField.GIVEN_NAME));
        field("family_name", person.text(PersonField.SURNAME));
        String latin = Stream.of(PersonField.SURNAME, PersonField.GIVEN_NAME, PersonField.PATRONYMIC)
                .filter(f -> person.text(f) != null).map(f -> ExportColumns.latin(names, person, f))
                .collect(Collectors.joining(" "));
        if (!latin.equals(person.fullName())) {
            field("alternate_names", latin);
        }
        if (person.get(PersonField.SEX) instanceof Sex sex) {
            field("sex", sex == Sex.MALE ? "male" : "female");
        }
        field("date_of_birth", person.text(PersonField.DATE_OF_BIRTH));
        xml.writeStartElement("pfif", "note", NAMESPACE);
        field("note_record_id", domain + "/note." + person.publicId() + ".v" + person.version());
        field("person_record_id", recordId);
        field("entry_date", entryDate);
        field("author_name", holder);
        field("source_date", sourceDate);
        field("status", status(person.status()));
        field("text", "Status in the records of " + holder + ": " + person.status().name()
                + (person.custodyEndedOn() == null ? "" : ", custody ended on " + person.custodyEndedOn()) + ".");
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeCharacters("\n");
    }

    private void field(String name, String value) throws XMLStreamException {
        if (value != null) {
            xml.writeStartElement("pfif", name, NAMESPACE);
            xml.writeCharacters(value);
            xml.writeEndElement();
        }
    }

    @Override
    public void finish() throws IOException {
        try {
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.flush();
            out.flush();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }
}
