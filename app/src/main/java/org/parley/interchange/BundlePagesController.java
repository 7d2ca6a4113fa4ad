package org.parley.interchange;

import java.io.IOException;
import org.parley.api.Caller;
import org.parley.api.Callers;
import org.parley.api.ConflictException;
import org.parley.api.ForbiddenException;
import org.parley.api.HtmlPages;
import org.parley.api.InvalidInputException;
import org.parley.api.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bundles page ({@code /bundles}): the bundles the reader's organisation received, per sender; its registrars
 * also upload a bundle file and see it accepted or refused with the reason. Readers of no organisation get 403.
 */
@Controller
@HtmlPages
class BundlePagesController {

    private final BundleService bundles;
    private final JsonMapper json;

    BundlePagesController(BundleService bundles, JsonMapper json) {
        this.bundles = bundles;
        this.json = json;
    }

    @GetMapping("/bundles")
    String page(Model model) {
        return show(Callers.require(), model);
    }

    @PostMapping("/bundles")
    String upload(@RequestParam(name = "file", required = false) MultipartFile file, Model model) {
        Caller caller = Callers.require();
        if (caller.organisation() == null || !caller.has(Role.REGISTRAR)) {
            throw new ForbiddenException("only registrars of the receiving organisation import bundles",
                    BundleService.RECORD_TYPE, null);
        }
        try {
            if (file == null || file.isEmpty()) {
                model.addAttribute("refusal", new InvalidInputException("file", "no file was chosen").getMessage());
            } else {
                JsonNode document = json.readTree(file.getBytes());
                model.addAttribute("accepted", bundles.importFor(caller, document));
            }
        } catch (InvalidInputException | ConflictException e) {
            model.addAttribute("refusal", e.getMessage());
        } catch (JacksonException | IOException e) {
            model.addAttribute("refusal", "file: not JSON ("
                    + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        return show(caller, model);
    }

    private String show(Caller caller, Model model) {
        model.addAttribute("received", bundles.received(caller));
        model.addAttribute("registrar", caller.has(Role.REGISTRAR));
        model.addAttribute("organisation", caller.organisation());
        return "interchange/bundles";
    }
}
