package org.parley.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.parley.api.Caller;
import org.parley.api.Callers;
import org.parley.api.HtmlPages;
import org.parley.api.TextCheck;
import org.parley.registry.Organisation;
import org.parley.registry.RegistryService;
import org.parley.web.ViewerTimeZone;
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
 * One's own account ({@code /account}, every logged-in user): who one is — user name, organisation, roles — and
 * one's API tokens: issue one with a name and a lifetime (the token is shown once, on the page after), list those
 * still valid, revoke one. The same rules as {@code /api/v1/auth/tokens}, but only one's own tokens, administrators
 * included: another user's token is not found here. The password is changed at {@code /account/password}.
 */
@Controller
@HtmlPages
class AccountPageController {

    /** The lifetimes offered, in hours: an hour, the API's default of 12 hours, a day, a week, the most (30 days). */
    static final List<Integer> LIFETIMES = List.of(1, 12, 24, 168, 720);
    static final int DEFAULT_LIFETIME = 12;
    static final int MAX_NAME = 100;

    private final UserService users;
    private final TokenService tokens;
    private final RegistryService registry;
    private final MessageSource messages;

    AccountPageController(UserService users, TokenService tokens, RegistryService registry, MessageSource messages) {
        this.users = users;
        this.tokens = tokens;
        this.registry = registry;
        this.messages = messages;
    }

    /** A token as the page lists it, times in the reader's zone. */
    record TokenRow(String id, String name, String createdAt, String expiresAt, String lastUsedAt) {
    }

    @GetMapping("/account")
    String page(HttpServletRequest request, Model model) {
        return page(request, model, "", DEFAULT_LIFETIME, List.of());
    }

    @PostMapping("/account/tokens")
    String issue(@RequestParam(name = "name", defaultValue = "") String name,
            @RequestParam(name = "lifetime", defaultValue = "") String lifetime, HttpServletRequest request,
            HttpServletResponse response, Locale locale, Model model, RedirectAttributes redirect) {
        List<String> errors = new ArrayList<>();
        TextCheck.Result checked = TextCheck.check(name, TextCheck.Kind.LINE);
        if (checked.problem() != null) {
            errors.add(message("account.error.nameCharacter", locale, checked.problem()));
        } else if (checked.text().codePointCount(0, checked.text().length()) > MAX_NAME) {
            errors.add(message("account.error.nameLength", locale, MAX_NAME));
        }
        Integer hours = LIFETIMES.stream().filter(h -> String.valueOf(h).equals(lifetime)).findFirst().orElse(null);
        if (hours == null) {
            errors.add(message("account.error.lifetime", locale));
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(request, model, name, hours == null ? DEFAULT_LIFETIME : hours, errors);
        }
        String tokenName = checked.text().isEmpty() ? null : checked.text();
        TokenService.IssuedToken issued = tokens.issue(Callers.require(), tokenName, Duration.ofHours(hours));
        // shown once: on the page the redirect leads to, never again (a reload does not show it)
        redirect.addFlashAttribute("issuedToken", issued.token());
        redirect.addFlashAttribute("issuedName", tokenName);
        return "redirect:/account";
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revoke(@PathVariable("id") String id, RedirectAttributes redirect) {
        ApiToken revoked = tokens.revokeOwn(Callers.require(), id);
        redirect.addFlashAttribute("revokedName", revoked.name() == null ? "" : revoked.name());
        return "redirect:/account";
    }

    private String page(HttpServletRequest request, Model model, String name, int lifetime, List<String> errors) {
        Caller caller = Callers.require();
        ZoneId zone = ViewerTimeZone.of(request);
        Optional<User> user = users.current(caller);
        model.addAttribute("username", caller.username());
        model.addAttribute("organisation", caller.organisation() == null ? null : registry.organisations().stream()
                .filter(o -> o.code().equals(caller.organisation())).map(Organisation::name).findFirst()
                .orElse(caller.organisation()));
        model.addAttribute("roles", caller.roles().stream().sorted().toList());
        model.addAttribute("createdAt", user.map(u -> ViewerTimeZone.format(u.createdAt(), zone)).orElse(null));
        List<ApiToken> own = tokens.listOwn(caller);
        model.addAttribute("tokens", own.stream().filter(ApiToken::active).map(t -> new TokenRow(tokens.publicId(t),
                t.name(), ViewerTimeZone.format(t.createdAt(), zone), ViewerTimeZone.format(t.expiresAt(), zone),
                ViewerTimeZone.format(t.lastUsedAt(), zone))).toList());
        model.addAttribute("inactiveTokens", own.stream().filter(t -> !t.active()).count());
        model.addAttribute("zone", zone.getId());
        model.addAttribute("lifetimes", LIFETIMES);
        model.addAttribute("name", name);
        model.addAttribute("lifetime", lifetime);
        model.addAttribute("errors", errors);
        return "access/account";
    }

    private String message(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }
}
