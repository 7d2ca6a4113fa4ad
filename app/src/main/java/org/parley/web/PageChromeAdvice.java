package org.parley.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.parley.api.HtmlPages;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives the pages of other features ({@link HtmlPages}) the frame's model, as this package's pages have it. */
@ControllerAdvice(annotations = HtmlPages.class)
class PageChromeAdvice {

    @ModelAttribute
    void frame(HttpServletRequest request, Locale locale, Model model) {
        PageChrome.addTo(model.asMap(), request, locale);
    }
}
