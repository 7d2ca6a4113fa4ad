package org.parley.registry;

import jakarta.servlet.http.HttpServletResponse;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.parley.api.Caller;
import org.parley.api.Callers;
import org.parley.api.ConflictException;
import org.parley.api.HtmlPages;
import org.parley.api.InvalidInputException;
import org.parley.api.MessageKeys;
import org.parley.api.TextCheck;
import org.parley.audit.AuditEntry;
import org.parley.audit.AuditLog;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The registrar's desk: registering a person (with a warning about persons already registered under a matching
 * name in any script), correcting a record, adding a lifecycle event and notifying the power of origin, in the
 * browser. Only a registrar of a party registers (the person is held by the registrar's party); only a registrar
 * of the holding party corrects, adds events and notifies — everybody else gets the 403 page, or the 404 page for
 * a record they may not see (README, "Access control"). A refused form stores nothing and comes back with what was
 * typed and each problem beside its field; a saved one redirects to the person page with a message.
 */
@Controller
@HtmlPages
class RegistrarPagesController {

    /** The flash attributes the person page shows after a redirect: a success, or why nothing was recorded. */
    static final String NOTICE = "deskNotice";
    static final String REFUSAL = "deskError";
    static final int MAX_REASON = 1000;
    static final int MAX_PLACE = 500;
    static final int MAX_NOTE = 4000;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final RegistryService registry;
    private final Namesakes namesakes;
    private final AuditLog audit;
    private final MessageSource messages;

    RegistrarPagesController(RegistryService registry, Namesakes namesakes, AuditLog audit, MessageSource messages) {
        this.registry = registry;
        this.namesakes = namesakes;
        this.audit = audit;
        this.messages = messages;
    }

    // ---------- Registration ----------

    @GetMapping("/persons/new")
    String newPerson(Locale locale, Model model) {
        Caller caller = Callers.require();
        RecordAccess.requireRegistrarOfParty(caller);
        return registrationForm(caller, PersonForm.blank(), Map.of(), locale, model);
    }

    /**
     * Registers the person, unless persons the registrar may see have names that match: then the form comes back
     * with them and a "register anyway" that confirms for exactly these names (see {@link PersonForm#fingerprint}).
     */
    @PostMapping("/persons/new")
    String register(@RequestParam Map<String, String> parameters, HttpServletResponse response,
            RedirectAttributes redirect, Locale locale, Model model) {
        Caller caller = Callers.require();
        RecordAccess.requireRegistrarOfParty(caller);
        PersonForm form = PersonForm.of(parameters);
        PersonForm.Read read = form.read(caller.organisation(), partyCodes(), null, messages(locale));
        if (!read.valid()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return registrationForm(caller, form, read.errors(), locale, model);
        }
        String fingerprint = PersonForm.fingerprint(read.facts());
        if (!fingerprint.equals(parameters.get("confirmedFor"))) {
            List<Namesakes.Namesake> found = namesakes.of(caller, read.facts());
            if (!found.isEmpty()) {
                PersonViews views = new PersonViews(messages, locale, registry.organisations());
                model.addAttribute("duplicates", new NamesakeViews(messages, locale, views).duplicates(found));
                model.addAttribute("confirmedFor", fingerprint);
                return registrationForm(caller, form, Map.of(), locale, model);
            }
        }
        Person person;
        try {
            person = registry.create(caller, read.facts());
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return registrationForm(caller, form, fieldErrors(e, locale), locale, model);
        }
        redirect.addFlashAttribute(NOTICE, msg(locale, "desk.registered"));
        return "redirect:/persons/" + person.publicId();
    }

    private String registrationForm(Caller caller, PersonForm form, Map<String, List<String>> errors, Locale locale,
            Model model) {
        PersonFormView view = new PersonFormView(messages, locale, registry.organisations());
        model.addAttribute("groups", view.groups(form, caller.organisation(), errors, null));
        model.addAttribute("choices", view.sourceChoices(form));
        model.addAttribute("errors", errors.values().stream().flatMap(List::stream).toList());
        model.addAttribute("sourceErrors", sourceErrors(errors));
        return "registry/new";
    }

    // ---------- Correction ----------

    @GetMapping("/persons/{id}/edit")
    String edit(@PathVariable("id") String publicId, Locale locale, Model model) {
        Caller caller = Callers.require();
        long id = registry.personId(publicId);
        PersonInput facts = registry.factsForUpdate(caller, id);
        Person person = registry.get(caller, id);
        return correctionForm(person, PersonForm.of(facts), person.version(), "", Map.of(), null, locale, model);
    }

    /**
     * Saves a correction made on the version the form was read at. When the record changed meanwhile, the form
     * comes back with what was typed, says who changed it and when, shows the values recorded now beside the
     * fields, and carries the new version: saving again then saves what the registrar sees.
     */
    @PostMapping("/persons/{id}/edit")
    String correct(@PathVariable("id") String publicId, @RequestParam Map<String, String> parameters,
            HttpServletResponse response, RedirectAttributes redirect, Locale locale, Model model) {
        Caller caller = Callers.require();
        long id = registry.personId(publicId);
        PersonInput stored = registry.factsForUpdate(caller, id);
        Person person = registry.get(caller, id);
        PersonForm form = PersonForm.of(parameters);
        int version = version(parameters.get("version"));
        String typedReason = parameters.getOrDefault("reason", "");
        PersonForm.Errors errors = new PersonForm.Errors(messages(locale));
        String reason = reason(typedReason, errors);
        PersonForm.Read read = form.read((String) stored.get(PersonField.HOLDING_PARTY), partyCodes(), stored,
                messages(locale));
        Map<String, List<String>> allErrors = new LinkedHashMap<>(read.errors());
        allErrors.putAll(errors.byField());
        if (!allErrors.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return correctionForm(person, form, version, typedReason, allErrors, null, locale, model);
        }
        Person updated;
        try {
            updated = registry.update(caller, id, version, read.facts(), reason);
        } catch (ConflictException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            if (e.problem().equals("stale-version")) {
                Person current = registry.get(caller, id);
                model.addAttribute("conflict", conflict(current, locale));
                return correctionForm(current, form, current.version(), typedReason, Map.of(), current.facts(),
                        locale, model);
            }
            // the power of origin of a notified person changes only by a request the intermediary confirms
            String origin = new PersonViews(messages, locale, registry.organisations())
                    .party(person.text(PersonField.POWER_OF_ORIGIN));
            Map<String, List<String>> originErrors = Map.of(PersonField.POWER_OF_ORIGIN.jsonName(), List.of(msg(
                    locale, "form.error.originNotified", msg(locale, PersonField.POWER_OF_ORIGIN.messageKey()), origin)));
            return correctionForm(person, form, version, typedReason, originErrors, null, locale, model);
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return correctionForm(person, form, version, typedReason, fieldErrors(e, locale), null, locale, model);
        }
        redirect.addFlashAttribute(NOTICE, msg(locale,
                updated.version() == person.version() ? "desk.unchanged" : "desk.corrected"));
        return "redirect:/persons/" + publicId + (updated.version() == person.version() ? "" : "#history");
    }

    private String correctionForm(Person person, PersonForm form, int version, String reason,
            Map<String, List<String>> errors, PersonInput current, Locale locale, Model model) {
        PersonFormView view = new PersonFormView(messages, locale, registry.organisations());
        model.addAttribute("person", personHeading(person));
        model.addAttribute("groups", view.groups(form, person.text(PersonField.HOLDING_PARTY), errors, current));
        model.addAttribute("choices", view.sourceChoices(form));
        model.addAttribute("version", version);
        model.addAttribute("reason", reason);
        model.addAttribute("reasonErrors", errors.getOrDefault("reason", List.of()));
        model.addAttribute("errors", errors.values().stream().flatMap(List::stream).toList());
        model.addAttribute("sourceErrors", sourceErrors(errors));
        return "registry/edit";
    }

    /** "Changed by registrar@party-a at 2026-12-01 10:15 UTC — review and save again." */
    private String conflict(Person current, Locale locale) {
        AuditEntry last = audit.latest(PersonStates.RECORD_TYPE, String.valueOf(current.id())).orElse(null);
        if (last == null || last.actor() == null) {
            return msg(locale, "correct.conflictUnknown", String.valueOf(current.version()));
        }
        return msg(locale, "correct.conflict", last.actor(), WHEN.format(last.at()), String.valueOf(current.version()));
    }

    private static String reason(String typed, PersonForm.Errors errors) {
        String reason = PersonForm.checkedText(typed, TextCheck.Kind.MULTI_LINE, MAX_REASON,
                (key, args) -> errors.addOther("reason", key, args));
        if (reason == null && !errors.byField().containsKey("reason")) {
            errors.addOther("reason", "form.error.required");
        }
        return reason;
    }

    /** The version the form was read at; anything else is a version no record has, answered as a conflict. */
    private static int version(String value) {
        try {
            return Integer.parseInt(value == null ? "" : value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    // ---------- Lifecycle events ----------

    @GetMapping("/persons/{id}/events/new")
    String newEvent(@PathVariable("id") String publicId, Locale locale, Model model) {
        Caller caller = Callers.require();
        long id = registry.personId(publicId);
        registry.factsForUpdate(caller, id);
        Person person = registry.get(caller, id);
        Map<String, String> typed = Map.of("occurredOn", LocalDate.now().toString());
        return eventForm(person, registry.history(caller, id), typed, Map.of(), null, locale, model);
    }

    @PostMapping("/persons/{id}/events/new")
    String addEvent(@PathVariable("id") String publicId, @RequestParam Map<String, String> parameters,
            HttpServletResponse response, RedirectAttributes redirect, Locale locale, Model model) {
        Caller caller = Callers.require();
        long id = registry.personId(publicId);
        registry.factsForUpdate(caller, id);
        Person person = registry.get(caller, id);
        List<LifecycleEvent> history = registry.history(caller, id);
        Lifecycle.State state = Lifecycle.replay(history);
        PersonForm.Errors errors = new PersonForm.Errors(messages(locale));
        EventType type = eventType(parameters.getOrDefault("type", ""), state, person, errors, locale);
        LocalDate occurredOn = eventDate(parameters.getOrDefault("occurredOn", ""), state, errors);
        String place = eventText(parameters.getOrDefault("place", ""), "place", MAX_PLACE, TextCheck.Kind.LINE,
                errors);
        String note = eventText(parameters.getOrDefault("note", ""), "note", MAX_NOTE, TextCheck.Kind.MULTI_LINE,
                errors);
        if (type == EventType.TRANSFERRED && place == null && !errors.byField().containsKey("place")) {
            errors.addOther("place", "eventForm.error.placeForTransfer");
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return eventForm(person, history, parameters, errors.byField(), null, locale, model);
        }
        try {
            registry.addEvent(caller, id, new EventInput(type, occurredOn, place, note, null));
        } catch (ConflictException e) {
            // the lifecycle refused it after all (another event was recorded meanwhile): its reason, as it says it
            response.setStatus(HttpStatus.CONFLICT.value());
            return eventForm(person, registry.history(caller, id), parameters, Map.of(),
                    msg(locale, "eventForm.error.refused", e.getMessage()), locale, model);
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return eventForm(person, history, parameters, fieldErrors(e, locale), null, locale, model);
        }
        redirect.addFlashAttribute(NOTICE, msg(locale, "desk.eventRecorded", msg(locale, MessageKeys.of(type)),
                occurredOn.toString()));
        return "redirect:/persons/" + publicId + "#history";
    }

    private String eventForm(Person person, List<LifecycleEvent> history, Map<String, String> typed,
            Map<String, List<String>> errors, String refusal, Locale locale, Model model) {
        Set<EventType> offered = offered(Lifecycle.replay(history));
        model.addAttribute("person", personHeading(person));
        model.addAttribute("status", msg(locale, MessageKeys.of(person.status())));
        model.addAttribute("types", offered.stream()
                .map(t -> new PersonFormView.Option(t.name(), msg(locale, MessageKeys.of(t)))).toList());
        model.addAttribute("typed", typed);
        model.addAttribute("fieldErrors", errors);
        model.addAttribute("errors", errors.values().stream().flatMap(List::stream).toList());
        model.addAttribute("refusal", refusal);
        return "registry/event";
    }

    /** The events the desk offers from this state: those the lifecycle allows that a registrar adds by hand. */
    private static Set<EventType> offered(Lifecycle.State state) {
        Set<EventType> offered = EnumSet.noneOf(EventType.class);
        Lifecycle.allowedEvents(state).stream().filter(RegistrarDesk.EVENTS::contains).forEach(offered::add);
        return offered;
    }

    private EventType eventType(String typed, Lifecycle.State state, Person person, PersonForm.Errors errors,
            Locale locale) {
        if (typed.isBlank()) {
            errors.addOther("type", "form.error.required");
            return null;
        }
        EventType type = EnumSet.allOf(EventType.class).stream().filter(t -> t.name().equals(typed.strip()))
                .findFirst().orElse(null);
        if (type == null) {
            errors.addOther("type", "form.error.choice", typed.strip());
            return null;
        }
        if (!offered(state).contains(type)) {
            errors.addOther("type", "eventForm.error.notAllowed", msg(locale, MessageKeys.of(type)),
                    msg(locale, MessageKeys.of(person.status())));
            return null;
        }
        return type;
    }

    private static LocalDate eventDate(String typed, Lifecycle.State state, PersonForm.Errors errors) {
        String text = typed.strip();
        if (text.isEmpty()) {
            errors.addOther("occurredOn", "form.error.required");
            return null;
        }
        LocalDate date = null;
        if (text.matches("\\d{4}-\\d{2}-\\d{2}")) {
            try {
                date = LocalDate.parse(text);
            } catch (DateTimeException e) {
                // reported below
            }
        }
        if (date == null) {
            errors.addOther("occurredOn", "form.error.date", text);
        } else if (date.isAfter(LocalDate.now())) {
            errors.addOther("occurredOn", "form.error.future", text);
            date = null;
        } else if (state.lastDate() != null && date.isBefore(state.lastDate())) {
            errors.addOther("occurredOn", "eventForm.error.beforeLast", text, state.lastDate().toString());
            date = null;
        }
        return date;
    }

    private static String eventText(String typed, String name, int maxLength, TextCheck.Kind kind,
            PersonForm.Errors errors) {
        return PersonForm.checkedText(typed, kind, maxLength, (key, args) -> errors.addOther(name, key, args));
    }

    // ---------- Notification ----------

    /** Records the notification to the power of origin (GC III Art. 122) today, once. */
    @PostMapping("/persons/{id}/notify")
    String notifyOrigin(@PathVariable("id") String publicId, RedirectAttributes redirect, Locale locale) {
        Caller caller = Callers.require();
        long id = registry.personId(publicId);
        registry.factsForUpdate(caller, id);
        Person person = registry.get(caller, id);
        if (person.notifiedOn() != null) {
            redirect.addFlashAttribute(REFUSAL, msg(locale, "desk.alreadyNotified", person.notifiedOn().toString()));
            return "redirect:/persons/" + publicId;
        }
        LocalDate today = LocalDate.now();
        try {
            registry.addEvent(caller, id, new EventInput(EventType.NOTIFIED, today, null, null, null));
        } catch (ConflictException e) {
            redirect.addFlashAttribute(REFUSAL, msg(locale, "desk.notifyNotAllowed",
                    msg(locale, MessageKeys.of(person.status()))));
            return "redirect:/persons/" + publicId;
        }
        redirect.addFlashAttribute(NOTICE, msg(locale, "desk.notified", today.toString()));
        return "redirect:/persons/" + publicId + "#history";
    }

    // ---------- Shared ----------

    /** The heading of the desk's pages about a person: name as written (with its language), id, status. */
    record Heading(String id, String name, String nameLang, int version) {
    }

    private static Heading personHeading(Person person) {
        String tag = person.text(PersonField.NAME_LANGUAGE);
        return new Heading(person.publicId(), person.fullName(),
                tag != null && tag.matches("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*") ? tag : null, person.version());
    }

    private Set<String> partyCodes() {
        return registry.organisations().stream().filter(o -> o.kind() == OrganisationKind.PARTY)
                .map(Organisation::code).collect(Collectors.toSet());
    }

    /** Problems of the form-wide source choosers, shown beside them. */
    private static List<String> sourceErrors(Map<String, List<String>> errors) {
        return Stream.of(PersonForm.DEFAULT_SOURCE, PersonForm.DEFAULT_CONFIDENCE)
                .flatMap(name -> errors.getOrDefault(name, List.of()).stream()).toList();
    }

    /** The registry's refusal of what the form let through, under each field's label. */
    private Map<String, List<String>> fieldErrors(InvalidInputException e, Locale locale) {
        PersonForm.Errors errors = new PersonForm.Errors(messages(locale));
        e.errors().forEach(errors::addFieldError);
        return errors.byField();
    }

    private PersonForm.Messages messages(Locale locale) {
        return (key, args) -> messages.getMessage(key, args, locale);
    }

    private String msg(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
