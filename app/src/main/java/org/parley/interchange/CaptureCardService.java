package org.parley.interchange;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.parley.api.Caller;
import org.parley.api.InvalidInputException;
import org.parley.api.JsonInput;
import org.parley.audit.AuditLog;
import org.parley.print.PdfRenderer;
import org.parley.registry.HealthState;
import org.parley.registry.NameCollation;
import org.parley.registry.Organisation;
import org.parley.registry.Person;
import org.parley.registry.PersonField;
import org.parley.registry.PersonListParameters;
import org.parley.registry.PersonStream;
import org.parley.registry.RegistryService;
import org.parley.web.PersonNames;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Capture cards (GC III Art. 70 and the model card of Annex IV B) as PDF: one person's, or one card a page for a
 * filtered list of up to {@link #MAX_CARDS}. A card shows what the caller may read of the person (the card's facts
 * are all among those the power of origin receives), names in their script with the official Latin spelling, in
 * Liberation Sans, which the PDF embeds and which carries Cyrillic. Every print is an audit entry.
 */
@Service
public class CaptureCardService {

    /** A batch is laid out in memory as one document; a longer list is a job for the CSV export. */
    public static final int MAX_CARDS = 200;
    static final String ACTION = "PRINT_CAPTURE_CARDS";
    private static final String TEMPLATE = "interchange/capture-card";

    private final RegistryService registry;
    private final PersonStream stream;
    private final AuditLog audit;
    private final PersonNames names;
    private final PdfRenderer pdf;

    CaptureCardService(RegistryService registry, PersonStream stream, AuditLog audit, PersonNames names,
            PdfRenderer pdf) {
        this.registry = registry;
        this.stream = stream;
        this.audit = audit;
        this.names = names;
        this.pdf = pdf;
    }

    /** One person's card; 404 for a person the caller may not see, as {@code GET /api/v1/persons/{id}}. */
    @Transactional
    public byte[] card(Caller caller, String personId, Locale locale) {
        Person person = registry.get(caller, personId);
        byte[] document = render(List.of(person), locale);
        // last, so that the audit log's head stays locked only for the append (see AuditLog); a record type of its
        // own, as the log's "person" entries hold the person's state, which a print does not change
        audit.append(caller, new AuditLog.Change(ACTION, "capture-card", String.valueOf(person.id()), person.version(),
                ExportService.state("capture-card", Map.of("id", person.publicId(), "language",
                        locale.getLanguage()), 1)));
        return document;
    }

    /**
     * The cards of the list that the filters and sort of {@code GET /api/v1/persons} describe, one a page, in the
     * list's order.
     *
     * @throws InvalidInputException naming a bad parameter, or when the list holds more than {@link #MAX_CARDS}
     *         persons, or none
     */
    @Transactional
    public byte[] cards(Caller caller, Map<String, String> parameters, NameCollation collation, Locale locale) {
        JsonInput in = new JsonInput();
        PersonListParameters list = PersonListParameters.read(parameters, registry.listColumns(), collation,
                List.of(), in);
        in.throwIfAny();
        Map<String, String> asked = new TreeMap<>(parameters);
        long count = stream.count(caller, list.filter(), list.sort());
        if (count > MAX_CARDS) {
            throw new InvalidInputException("filters", "the list holds " + count + " persons; a batch of capture "
                    + "cards holds at most " + MAX_CARDS + ": narrow the filters, or export the list as CSV");
        }
        if (count == 0) {
            throw new InvalidInputException("filters", "the list holds no person");
        }
        List<Person> persons = new ArrayList<>();
        stream.forEach(caller, list.filter(), list.sort(), persons::addAll);
        byte[] document = render(persons, locale);
        audit.append(caller, new AuditLog.Change(ACTION, ExportService.RECORD_TYPE,
                ExportService.query(asked), null, ExportService.state("capture-cards", asked,
                        persons.size())));
        return document;
    }

    private byte[] render(List<Person> persons, Locale locale) {
        Map<String, String> parties = registry.organisations().stream()
                .collect(Collectors.toMap(Organisation::code, Organisation::name));
        List<CaptureCard> cards = persons.stream().map(p -> card(p, parties)).toList();
        return pdf.render(TEMPLATE, Map.of("cards", cards), locale);
    }

    private CaptureCard card(Person p, Map<String, String> parties) {
        String language = p.text(PersonField.NAME_LANGUAGE);
        String firstNames = join(p.text(PersonField.GIVEN_NAME), p.text(PersonField.PATRONYMIC));
        String origin = p.text(PersonField.POWER_OF_ORIGIN);
        return new CaptureCard(p.publicId(), parties.getOrDefault(p.text(PersonField.HOLDING_PARTY),
                p.text(PersonField.HOLDING_PARTY)), origin == null ? null : parties.getOrDefault(origin, origin),
                p.text(PersonField.SURNAME), names.latin(p.text(PersonField.SURNAME), language),
                firstNames, names.latin(firstNames, language),
                p.text(PersonField.FATHER_NAME), names.latin(p.text(PersonField.FATHER_NAME), language),
                p.text(PersonField.DATE_OF_BIRTH), p.text(PersonField.PLACE_OF_BIRTH), p.text(PersonField.RANK),
                p.text(PersonField.SERVICE_NUMBER), p.text(PersonField.FAMILY_ADDRESS),
                p.text(PersonField.CAPTURE_DATE), p.text(PersonField.HEALTH_STATE),
                Arrays.stream(HealthState.values()).map(Enum::name).toList(),
                p.text(PersonField.PRISONER_NUMBER), p.text(PersonField.INTERNMENT_PLACE));
    }

    private static String join(String... parts) {
        String joined = Arrays.stream(parts).filter(s -> s != null && !s.isBlank()).collect(Collectors.joining(" "));
        return joined.isEmpty() ? null : joined;
    }
}
