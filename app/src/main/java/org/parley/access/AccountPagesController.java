package org.parley.access;

import java.util.List;
import org.parley.api.Callers;
import org.parley.api.FieldError;
import org.parley.api.HtmlPages;
import org.parley.api.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The login page (Spring Security handles its form post, lockout included) and the page where users change
 * their password, where a user with a one-time password is sent until they have chosen their own.
 */
@Controller
@HtmlPages
class AccountPagesController {

    private final UserService users;

    AccountPagesController(UserService users) {
        this.users = users;
    }

    @GetMapping("/login")
    String login() {
        if (Callers.current().isPresent()) {
            return "redirect:/";
        }
        return "access/login";
    }

    @GetMapping("/account/password")
    String passwordForm(Model model) {
        model.addAttribute("mustChange", users.current(Callers.require()).map(u -> u.mustChangePassword()).orElse(false));
        model.addAttribute("errors", List.of());
        return "access/password";
    }

    @PostMapping("/account/password")
    String changePassword(@RequestParam(name = "currentPassword", defaultValue = "") String currentPassword,
            @RequestParam(name = "newPassword", defaultValue = "") String newPassword,
            @RequestParam(name = "repeatPassword", defaultValue = "") String repeatPassword, Model model) {
        List<FieldError> errors;
        if (!newPassword.equals(repeatPassword)) {
            errors = List.of(new FieldError("repeatPassword", "the two new passwords differ"));
        } else {
            try {
                users.changePassword(Callers.require(), currentPassword, newPassword);
                return "redirect:/?passwordChanged";
            } catch (InvalidInputException e) {
                errors = e.errors();
            }
        }
        model.addAttribute("mustChange", users.current(Callers.require()).map(u -> u.mustChangePassword()).orElse(false));
        model.addAttribute("errors", errors);
        return "access/password";
    }
}
