package org.parley.registry;

import java.util.Locale;
import org.parley.api.Caller;
import org.springframework.ui.Model;

/**
 * A section other features add to the person page (the repatriation wish, for instance): implemented by those
 * features, so that the registry's page names none of them. The page shows every section's fragment after the
 * record's facts, before its history.
 */
public interface PersonPageSection {

    /** The Thymeleaf fragment that shows the section, e.g. {@code wishes/wish :: wish}. */
    String fragment();

    /** Adds what the fragment reads to the page's model, in the reader's language: only what the caller may read. */
    void addTo(Model model, Caller caller, Person person, Locale locale);
}
