package org.parley.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.parley.api.Callers;
import org.parley.api.RequestUrls;
import org.parley.api.Role;

/**
 * What every page's frame needs: the links of the language switch (same page and query, another language) and
 * who is logged in, for the navigation they may use.
 */
public final class PageChrome {

    /** The logged-in user as the header shows them. */
    public record Viewer(String username, String organisation, boolean readsRecords, boolean admin,
            boolean intermediaryReader, boolean auditor, boolean importer, boolean tracer) {
    }

    /** A link of the language switch: the same page and query in another language. */
    public record LanguageLink(String code, String label, String href, boolean current) {
    }

    private PageChrome() {
    }

    static void addTo(Map<String, Object> model, HttpServletRequest request, Locale locale) {
        Locale current = WebConfiguration.supported(locale);
        if (current == null) {
            current = WebConfiguration.DEFAULT_LANGUAGE;
        }
        model.put("languages", languages(request, current));
        Callers.current().ifPresent(caller -> model.put("viewer", new Viewer(caller.username(),
                caller.organisation(), caller.readsRecords(), caller.has(Role.ADMIN),
                caller.intermediary() && caller.readsRecords(),
                caller.organisation() != null && caller.has(Role.AUDITOR),
                caller.has(Role.REGISTRAR) && caller.isParty(),
                caller.organisation() != null && caller.has(Role.REGISTRAR))));
    }

    static List<LanguageLink> languages(HttpServletRequest request, Locale current) {
        return WebConfiguration.LANGUAGES.stream().map(language -> new LanguageLink(language.getLanguage(),
                capitalised(language), withLanguage(request, language.getLanguage()),
                language.getLanguage().equals(current.getLanguage()))).toList();
    }

    /** The language's own name for itself: English, Українська, Русский. */
    private static String capitalised(Locale language) {
        String name = language.getDisplayLanguage(language);
        return name.isEmpty() ? language.getLanguage() : name.substring(0, 1).toUpperCase(language) + name.substring(1);
    }

    /** The current URL (path and query as the browser sent them) with {@code lang} set. */
    static String withLanguage(HttpServletRequest request, String language) {
        return RequestUrls.withParameter(request, WebConfiguration.LANGUAGE_PARAMETER, language);
    }
}
