package org.parley.registry;

import java.util.List;
import java.util.Locale;
import org.parley.api.Caller;
import org.parley.api.Callers;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The person page ({@code /persons/{id}}): the record, its history, what the registrar who keeps it may do
 * ({@link RegistrarDesk}), and the sections other features add ({@link PersonPageSection}). Public for those
 * features' forms on the page, which show it again with their errors when they refuse what was sent.
 */
@Component
public class PersonPage {

    private final RegistryService registry;
    private final List<PersonPageSection> sections;
    private final MessageSource messages;

    PersonPage(RegistryService registry, List<PersonPageSection> sections, MessageSource messages) {
        this.registry = registry;
        this.sections = sections;
        this.messages = messages;
    }

    /** Fills the model for the person with this public id and answers the view; 404 if the caller may not see it. */
    public String show(String publicId, Locale locale, Model model) {
        Caller caller = Callers.require();
        long id = registry.personId(publicId);
        Person person = registry.get(caller, id);
        List<Organisation> organisations = registry.organisations();
        PersonViews views = new PersonViews(messages, locale, organisations);
        List<LifecycleEvent> history = registry.history(caller, id);
        model.addAttribute("person", views.page(person, history));
        RegistrarDesk desk = RegistrarDesk.of(caller, person, history);
        model.addAttribute("desk", desk);
        if (desk.canNotify()) {
            String origin = views.party(person.text(PersonField.POWER_OF_ORIGIN));
            model.addAttribute("notifyHint", origin == null
                    ? messages.getMessage("desk.notifyHint.noOrigin", null, locale)
                    : messages.getMessage("desk.notifyHint.origin", new Object[] {origin}, locale));
        }
        sections.forEach(section -> section.addTo(model, caller, person, locale));
        model.addAttribute("sectionFragments", sections.stream().map(PersonPageSection::fragment).toList());
        return "registry/show";
    }
}
