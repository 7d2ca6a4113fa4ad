package org.parley.wishes;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.parley.api.Caller;
import org.parley.api.PublicIds;
import org.parley.registry.Organisation;
import org.parley.registry.Person;
import org.parley.registry.PersonPageSection;
import org.parley.registry.RegistryService;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The repatriation wish on the person page ({@code wishes/wish.html}): its status, the statements the reader may
 * read, and the statement form, with the errors of a refused statement ({@link WishPagesController}).
 */
@Component
class WishPageSection implements PersonPageSection {

    static final String STATEMENT_ERRORS = "statementErrors";

    private final WishService wishes;
    private final RegistryService registry;
    private final MessageSource messages;
    private final PublicIds publicIds;

    WishPageSection(WishService wishes, RegistryService registry, MessageSource messages, PublicIds publicIds) {
        this.wishes = wishes;
        this.registry = registry;
        this.messages = messages;
        this.publicIds = publicIds;
    }

    @Override
    public String fragment() {
        return "wishes/wish :: wish";
    }

    @Override
    public void addTo(Model model, Caller caller, Person person, Locale locale) {
        var organisationNames = registry.organisations().stream()
                .collect(Collectors.toMap(Organisation::code, Organisation::name));
        model.addAttribute("wish", new WishViews(messages, locale, organisationNames, publicIds)
                .section(wishes, caller, person));
        if (!model.containsAttribute(STATEMENT_ERRORS)) {
            model.addAttribute(STATEMENT_ERRORS, List.of());
        }
    }
}
