package org.parley.access;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.parley.api.Caller;
import org.parley.api.Callers;
import org.parley.api.FieldError;
import org.parley.api.HtmlPages;
import org.parley.api.InvalidInputException;
import org.parley.api.Role;
import org.parley.registry.RegistryService;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The administration page: an organisation's admin manages its users, the instance administrator everyone's.
 * The user service checks the role and the organisation; a one-time password is shown once, on the page that
 * created it, and never again. Disabling a user and resetting a password ask for a confirmation first: a dialogue
 * in the browser (static/js/confirm.js), or without JavaScript this page again with the question and a button.
 */
@Controller
@HtmlPages
class UserPagesController {

    /** The value of the field {@code confirmed} once the administrator has said yes (static/js/confirm.js). */
    static final String CONFIRMED = "yes";

    private final UserService users;
    private final RegistryService registry;
    private final MessageSource messages;

    UserPagesController(UserService users, RegistryService registry, MessageSource messages) {
        this.users = users;
        this.registry = registry;
        this.messages = messages;
    }

    @GetMapping("/admin/users")
    String list(Model model) {
        return page(model, List.of());
    }

    @PostMapping("/admin/users")
    String create(@RequestParam(name = "username", defaultValue = "") String username,
            @RequestParam(name = "organisation", defaultValue = "") String organisation,
            @RequestParam(name = "roles", required = false) List<String> roleNames, Model model) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : roleNames == null ? List.<String>of() : roleNames) {
            try {
                roles.add(Role.valueOf(name));
            } catch (IllegalArgumentException e) {
                return page(model, List.of(new FieldError("roles", "unknown role " + name)));
            }
        }
        Caller admin = Callers.require();
        String code = admin.organisation() != null ? admin.organisation() : organisation.isBlank() ? null : organisation;
        try {
            UserService.NewUser created = users.create(admin, username, code, roles);
            model.addAttribute("oneTimePassword", created.oneTimePassword());
            model.addAttribute("passwordFor", created.user().username());
            return page(model, List.of());
        } catch (InvalidInputException e) {
            model.addAttribute("form", new Form(username, organisation, roles));
            return page(model, e.errors());
        }
    }

    /** Disabling asks first (a confirmation step of its own without JavaScript); nobody disables themselves. */
    @PostMapping("/admin/users/{username}/disable")
    String disable(@PathVariable("username") String username,
            @RequestParam(name = "confirmed", defaultValue = "") String confirmed, Locale locale, Model model,
            HttpServletResponse response) {
        Caller admin = Callers.require();
        User user = users.managedBy(admin, username);
        if (user.id() == admin.userId()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(model, List.of(new FieldError("username", messages.getMessage("users.error.disableSelf",
                    null, locale))));
        }
        if (!CONFIRMED.equals(confirmed)) {
            return confirm(model, "disable", user.username(), locale);
        }
        return act(() -> users.disable(admin, user.username()), model);
    }

    @PostMapping("/admin/users/{username}/enable")
    String enable(@PathVariable("username") String username, Model model) {
        return act(() -> users.enable(Callers.require(), username), model);
    }

    @PostMapping("/admin/users/{username}/reset-password")
    String resetPassword(@PathVariable("username") String username,
            @RequestParam(name = "confirmed", defaultValue = "") String confirmed, Locale locale, Model model) {
        Caller admin = Callers.require();
        if (!CONFIRMED.equals(confirmed)) {
            return confirm(model, "reset-password", users.managedBy(admin, username).username(), locale);
        }
        String password = users.resetPassword(admin, username);
        model.addAttribute("oneTimePassword", password);
        model.addAttribute("passwordFor", username);
        return page(model, List.of());
    }

    /** A change asked for without its confirmation: the page asks (the question, its button) before it is made. */
    record Confirmation(String action, String username, String question, String yes) {
    }

    private String confirm(Model model, String action, String username, Locale locale) {
        String key = action.equals("disable") ? "users.confirm.disable" : "users.confirm.resetPassword";
        model.addAttribute("confirmation", new Confirmation(action, username,
                messages.getMessage(key, new Object[] {username}, locale),
                messages.getMessage(key + ".yes", null, locale)));
        return page(model, List.of());
    }

    /** What the creation form held when it was refused, to show it again. */
    record Form(String username, String organisation, Set<Role> roles) {
    }

    private String act(Runnable action, Model model) {
        try {
            action.run();
            return "redirect:/admin/users";
        } catch (InvalidInputException e) {
            return page(model, e.errors());
        }
    }

    private String page(Model model, List<FieldError> errors) {
        Caller admin = Callers.require();
        model.addAttribute("users", users.list(admin));
        model.addAttribute("self", admin.username());
        model.addAttribute("errors", errors);
        model.addAttribute("roles", Arrays.asList(Role.values()));
        model.addAttribute("organisations", admin.organisation() != null ? List.of()
                : registry.organisations());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new Form("", "", Set.of()));
        }
        return "access/users";
    }
}
